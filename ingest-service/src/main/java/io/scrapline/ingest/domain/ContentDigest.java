package io.scrapline.ingest.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 digest of a record's content, as lowercase hex: each present field as {@code name=text} and a line feed,
 * in the record type's field order, decimals without trailing zeros ({@code 3} and {@code 3.00} are the same quantity).
 * The stored digests of earlier versions are compared with it, so the text digested never changes. Written as UTF-8
 * bytes straight into one buffer, with no intermediate string. One instance digests one chunk's records, on one thread.
 */
final class ContentDigest {

    private static final Map<RecordType, byte[][]> NAMES = new EnumMap<>(RecordType.class);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static {
        for (RecordType type : RecordType.values()) {
            List<Field> fields = type.fields();
            byte[][] names = new byte[fields.size()][];
            for (int i = 0; i < names.length; i++) {
                names[i] = (fields.get(i).name() + "=").getBytes(StandardCharsets.UTF_8);
            }
            NAMES.put(type, names);
        }
    }

    private final MessageDigest sha256;
    private byte[] buffer = new byte[512];
    private int length;

    ContentDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String of(RecordType type, Object[] values) {
        byte[][] names = NAMES.get(type);
        length = 0;
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value != null) {
                append(names[i]);
                append(value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
                        : value.toString());
                ensure(1);
                buffer[length++] = '\n';
            }
        }
        sha256.update(buffer, 0, length);
        byte[] digest = sha256.digest();
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex, StandardCharsets.US_ASCII);
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** UTF-8, a byte per character while the text is ASCII, as most is. */
    private void append(String text) {
        int size = text.length();
        ensure(size);
        int start = length;
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = start;
                append(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buffer[length++] = (byte) c;
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
        }
    }
}

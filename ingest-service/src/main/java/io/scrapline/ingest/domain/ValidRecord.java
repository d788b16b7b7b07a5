package io.scrapline.ingest.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** A row that passed validation: its row number in the batch and its values, read into their types. */
public record ValidRecord(int row, Map<String, Object> values) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    /** The value as SQL-ready text: decimals in plain notation, everything else as its ISO form. */
    public String sqlText(String field) {
        Object value = values.get(field);
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? null : value.toString();
    }

    /** The identity of the record inside its source, from the type's key fields. */
    public String key(RecordType type) {
        return String.join("|", type.key().stream().map(this::sqlText).toList());
    }

    /**
     * A digest of the content, independent of number formatting ({@code 3} and {@code 3.00} are the same quantity): a
     * re-send with the same digest is a duplicate, with another an update. Values are taken in the record type's field
     * order, which the validator keeps.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder(256);
        values.forEach((field, value) -> {
            String text = value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
                    : value.toString();
            canonical.append(field).append('=').append(text).append('\n');
        });
        return HexFormat.of().formatHex(SHA_256.get().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }
}

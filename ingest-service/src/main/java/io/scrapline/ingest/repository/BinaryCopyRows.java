package io.scrapline.ingest.repository;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import io.scrapline.ingest.domain.Field;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.ValidRecord;

/**
 * A chunk of records in PostgreSQL's binary {@code COPY} format, in the columns of a staging table: the batch row, the
 * content digest, then the type's fields in their order. Numbers, instants and dates go in binary, so the database
 * parses nothing. An optional key field that is absent is written as '' and an absent flag as false, as they are
 * stored, so that keys compare equal.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };
    /** Microseconds and days from the Unix epoch to PostgreSQL's, 2000-01-01 UTC. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final long POSTGRES_EPOCH_DAYS = 10_957L;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final long[] POWERS_OF_TEN = { 1, 10, 100, 1000 };

    private final RecordType type;
    private final List<Field> fields;
    private final boolean[] emptyIfAbsent;
    private byte[] buffer = new byte[1 << 16];
    private int length;
    /** The base-10000 digits of the number being written, the least significant first. */
    private short[] groups = new short[8];

    BinaryCopyRows(RecordType type) {
        this.type = type;
        this.fields = type.fields();
        this.emptyIfAbsent = new boolean[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            emptyIfAbsent[i] = type.key().contains(fields.get(i).name()) && !fields.get(i).required();
        }
    }

    /** The whole COPY data of {@code records}: header, rows and trailer; valid until the next call. */
    byte[] encode(List<ValidRecord> records) {
        length = 0;
        write(SIGNATURE, 0, SIGNATURE.length);
        writeInt(0);
        writeInt(0);
        for (ValidRecord record : records) {
            writeShort(fields.size() + 2);
            writeInt(4);
            writeInt(record.row());
            text(record.contentHash());
            for (int i = 0; i < fields.size(); i++) {
                value(i, record.value(i));
            }
        }
        writeShort(-1);
        return buffer;
    }

    /** The length of what {@link #encode} wrote. */
    int length() {
        return length;
    }

    RecordType type() {
        return type;
    }

    private void value(int field, Object value) {
        if (value == null) {
            if (emptyIfAbsent[field]) {
                writeInt(0);
            } else if (fields.get(field).kind() == Field.Kind.BOOLEAN) {
                writeInt(1);
                writeByte(0);
            } else {
                writeInt(-1);
            }
            return;
        }
        if (value instanceof String text) {
            text(text);
        } else if (value instanceof BigDecimal number) {
            numeric(number);
        } else if (value instanceof OffsetDateTime instant) {
            writeInt(8);
            long seconds = instant.toEpochSecond() - POSTGRES_EPOCH_SECONDS;
            writeLong(seconds * 1_000_000L + instant.getNano() / 1000);
        } else if (value instanceof LocalDate date) {
            writeInt(4);
            writeInt((int) (date.toEpochDay() - POSTGRES_EPOCH_DAYS));
        } else if (value instanceof Boolean flag) {
            writeInt(1);
            writeByte(flag ? 1 : 0);
        } else {
            text(value.toString());
        }
    }

    /** UTF-8, written straight into the buffer while the text is ASCII, as codes and ids are. */
    private void text(String text) {
        int size = text.length();
        ensure(4 + size);
        int lengthAt = length;
        length += 4;
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = lengthAt;
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                writeInt(bytes.length);
                write(bytes, 0, bytes.length);
                return;
            }
            buffer[length++] = (byte) c;
        }
        putInt(lengthAt, size);
    }

    /**
     * PostgreSQL's numeric: base-10000 digits with the weight of the first, a sign and the display scale. The digits
     * are grouped from the decimal point outwards, so the integer part is cut from the right and the fraction from the
     * left.
     */
    private void numeric(BigDecimal value) {
        int scale = Math.max(value.scale(), 0);
        // Scale the fraction up to whole groups of four digits: the unscaled value then splits into groups exactly.
        int fractionGroups = (scale + 3) / 4;
        int count = 0;
        BigInteger unscaled = value.unscaledValue();
        if (value.scale() >= 0 && unscaled.bitLength() < 53) {
            // The decimals of the record types fit here: at most 18 digits, shifted by at most three more.
            long rest = Math.abs(unscaled.longValue()) * POWERS_OF_TEN[fractionGroups * 4 - scale];
            for (; rest > 0; rest /= 10_000) {
                groups[count++] = (short) (rest % 10_000);
            }
        } else {
            unscaled = value.abs().setScale(fractionGroups * 4).unscaledValue();
            if (groups.length < unscaled.bitLength() / 13 + 2) {
                groups = new short[unscaled.bitLength() / 13 + 2];
            }
            while (unscaled.signum() > 0) {
                BigInteger[] divided = unscaled.divideAndRemainder(TEN_THOUSAND);
                groups[count++] = divided[1].shortValue();
                unscaled = divided[0];
            }
        }
        // groups holds the least significant first; the last fractionGroups of them are the fraction.
        int weight = count - fractionGroups - 1;
        int low = 0;
        while (low < count && groups[low] == 0) {
            low++;
        }
        int digits = count - low;
        writeInt(8 + 2 * digits);
        writeShort(digits);
        writeShort(digits == 0 ? 0 : weight);
        writeShort(value.signum() < 0 ? 0x4000 : 0);
        writeShort(scale);
        for (int i = count - 1; i >= low; i--) {
            writeShort(groups[i]);
        }
    }

    private void writeByte(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    private void writeShort(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void writeInt(int value) {
        ensure(4);
        putInt(length, value);
        length += 4;
    }

    private void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    private void write(byte[] bytes, int from, int count) {
        ensure(count);
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}

package io.scrapline.ingest.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A row that passed validation: its row number in the batch, its values read into their types, and the text of its
 * date-times as sent.
 */
public record ValidRecord(int row, Map<String, Object> values, Map<String, String> instantTexts) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public ValidRecord(int row, Map<String, Object> values) {
        this(row, values, Map.of());
    }

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
        // A date-time goes to PostgreSQL as the sender wrote it (already checked): the same instant, without
        // formatting it again for every row.
        String instant = instantTexts.get(field);
        if (instant != null) {
            return instant;
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

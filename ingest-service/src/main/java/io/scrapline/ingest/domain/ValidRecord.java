package io.scrapline.ingest.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row that passed validation: its row number in the batch and the values of its type's fields, read into their types,
 * in the type's field order (null for an absent field).
 */
public record ValidRecord(int row, RecordType type, Object[] fieldValues) {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The value of the type's field number {@code index}, or null. */
    public Object value(int index) {
        return fieldValues[index];
    }

    public String text(String field) {
        Object value = valueOf(field);
        return value == null ? null : value.toString();
    }

    /** The present values by field name, in the type's field order. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Field> fields = type.fields();
        for (int i = 0; i < fieldValues.length; i++) {
            if (fieldValues[i] != null) {
                values.put(fields.get(i).name(), fieldValues[i]);
            }
        }
        return values;
    }

    /** The identity of the record inside its source, from the type's key fields. */
    public String key() {
        List<String> key = type.key();
        if (key.size() == 1) {
            return sqlText(key.get(0));
        }
        return String.join("|", key.stream().map(this::sqlText).toList());
    }

    /**
     * A digest of the content, independent of number formatting ({@code 3} and {@code 3.00} are the same quantity): a
     * re-send with the same digest is a duplicate, with another an update.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder(256);
        List<Field> fields = type.fields();
        for (int i = 0; i < fieldValues.length; i++) {
            Object value = fieldValues[i];
            if (value != null) {
                String text = value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
                        : value.toString();
                canonical.append(fields.get(i).name()).append('=').append(text).append('\n');
            }
        }
        return HexFormat.of().formatHex(SHA_256.get().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The value as SQL-ready text: decimals in plain notation, everything else as its ISO form. */
    public String sqlText(String field) {
        Object value = valueOf(field);
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value == null ? null : value.toString();
    }

    private Object valueOf(String field) {
        int index = type.index(field);
        return index < 0 ? null : fieldValues[index];
    }
}

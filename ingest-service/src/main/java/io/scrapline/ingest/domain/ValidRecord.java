package io.scrapline.ingest.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row that passed validation: its row number in the batch, the values of its type's fields, read into their types, in
 * the type's field order (null for an absent field), and the digest of its content: a re-send with the same digest is a
 * duplicate, with another an update ({@link ContentDigest}). The validator takes the digest when it makes the record,
 * on the thread that validates the chunk while the chunk before it is written.
 */
public record ValidRecord(int row, RecordType type, Object[] fieldValues, String contentHash) {

    public ValidRecord(int row, RecordType type, Object[] fieldValues) {
        this(row, type, fieldValues, new ContentDigest().of(type, fieldValues));
    }

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

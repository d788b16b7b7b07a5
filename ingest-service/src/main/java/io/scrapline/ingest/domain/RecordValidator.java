package io.scrapline.ingest.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scrapline.platform.problem.FieldError;

/**
 * Checks every row of a batch against its record type and collects every error (row, field, reason), so the person
 * fixing the export sees all of them at once.
 */
public final class RecordValidator {

    private final RecordType type;
    private final boolean ignoreUnknown;

    public RecordValidator(RecordType type, boolean ignoreUnknown) {
        this.type = type;
        this.ignoreUnknown = ignoreUnknown;
    }

    /** The outcome for a whole batch: the valid records and the errors of the others. */
    public record Result(List<ValidRecord> valid, List<FieldError> errors, int rejectedRows) {
    }

    /** Validates rows given as field name to text (null or blank text means absent), numbered from 1. */
    public Result validate(List<Map<String, String>> rows) {
        List<RowSource.NumberedRow> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new RowSource.NumberedRow(i + 1, rows.get(i)));
        }
        return validateChunk(numbered);
    }

    /**
     * Validates one chunk of a batch. A record repeated inside the chunk is an error here; one repeated across chunks
     * is found when the batch is landed.
     */
    public Result validateChunk(List<RowSource.NumberedRow> rows) {
        List<ValidRecord> valid = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        int rejectedRows = 0;
        for (RowSource.NumberedRow numbered : rows) {
            int row = numbered.row();
            List<FieldError> rowErrors = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();

            Map<String, String> fields = numbered.fields();
            if (!ignoreUnknown) {
                for (String name : fields.keySet()) {
                    if (type.field(name).isEmpty()) {
                        rowErrors.add(new FieldError(row, name, "unknown field for " + type.path()));
                    }
                }
            }
            for (Field field : type.fields()) {
                String text = fields.get(field.name());
                if (text == null || text.isBlank()) {
                    if (field.required()) {
                        rowErrors.add(new FieldError(row, field.name(), "is required"));
                    }
                    continue;
                }
                try {
                    values.put(field.name(), field.read(text));

                } catch (IllegalArgumentException e) {
                    rowErrors.add(new FieldError(row, field.name(), e.getMessage()));
                }
            }
            if (rowErrors.isEmpty()) {
                ValidRecord record = new ValidRecord(row, values);
                Integer first = firstRowOfKey.putIfAbsent(record.key(type), row);
                if (first != null) {
                    rowErrors.add(new FieldError(row, String.join("+", type.key()),
                            "same record as row " + first + " of this batch"));
                } else {
                    valid.add(record);
                }
            }
            if (!rowErrors.isEmpty()) {
                rejectedRows++;
                errors.addAll(rowErrors);
            }
        }
        return new Result(valid, errors, rejectedRows);
    }
}

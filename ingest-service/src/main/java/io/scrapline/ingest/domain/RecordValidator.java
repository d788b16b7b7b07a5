package io.scrapline.ingest.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.scrapline.platform.input.InputConfig;
import io.scrapline.platform.problem.FieldError;

/**
 * Checks every row of a batch against its record type and collects every error (row, field, reason), so the person
 * fixing the export sees all of them at once.
 */
public final class RecordValidator {

    private final RecordType type;
    private final boolean ignoreUnknown;
    private final InputConfig.Years years;

    public RecordValidator(RecordType type, boolean ignoreUnknown) {
        this(type, ignoreUnknown, InputConfig.Years.DEFAULT);
    }

    /** Validates records of {@code type} whose dates and instants must fall in {@code years}. */
    public RecordValidator(RecordType type, boolean ignoreUnknown, InputConfig.Years years) {
        this.type = type;
        this.ignoreUnknown = ignoreUnknown;
        this.years = years;
    }

    /** The outcome for a whole batch: the valid records and the errors of the others. */
    public record Result(List<ValidRecord> valid, List<FieldError> errors, int rejectedRows) {
    }

    /** Validates rows given as field name to text (null or blank text means absent), numbered from 1. */
    public Result validate(List<Map<String, String>> rows) {
        List<RowSource.NumberedRow> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(RowSource.NumberedRow.of(i + 1, rows.get(i)));
        }
        return validateChunk(numbered);
    }

    /**
     * Validates one chunk of a batch. A record repeated inside the chunk is an error here; one repeated across chunks
     * is found when the batch is landed.
     */
    public Result validateChunk(List<RowSource.NumberedRow> rows) {
        List<Field> fields = type.fields();
        List<ValidRecord> valid = new ArrayList<>(rows.size());
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>(2 * rows.size());
        ContentDigest digest = new ContentDigest();
        int rejectedRows = 0;
        // Rows of a CSV share their header's names: where each name's field is, is worked out once for them all.
        String[] names = null;
        int[] fieldOfName = null;
        for (RowSource.NumberedRow numbered : rows) {
            int row = numbered.row();
            if (numbered.names() != names) {
                names = numbered.names();
                fieldOfName = new int[names.length];
                for (int i = 0; i < names.length; i++) {
                    fieldOfName[i] = type.index(names[i]);
                }
            }
            List<FieldError> rowErrors = new ArrayList<>(0);
            String[] texts = new String[fields.size()];
            String[] given = numbered.texts();
            for (int i = 0; i < names.length; i++) {
                if (fieldOfName[i] >= 0) {
                    texts[fieldOfName[i]] = given[i];
                } else if (!ignoreUnknown) {
                    rowErrors.add(new FieldError(row, names[i], "unknown field for " + type.path()));
                }
            }
            Object[] values = new Object[fields.size()];
            for (int f = 0; f < values.length; f++) {
                Field field = fields.get(f);
                String text = texts[f];
                if (text == null || text.isBlank()) {
                    if (field.required()) {
                        rowErrors.add(new FieldError(row, field.name(), "is required"));
                    }
                    continue;
                }
                try {
                    values[f] = field.read(text, years);
                } catch (IllegalArgumentException e) {
                    rowErrors.add(new FieldError(row, field.name(), e.getMessage()));
                }
            }
            if (rowErrors.isEmpty()) {
                ValidRecord record = new ValidRecord(row, type, values, digest.of(type, values));
                Integer first = firstRowOfKey.putIfAbsent(record.key(), row);
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

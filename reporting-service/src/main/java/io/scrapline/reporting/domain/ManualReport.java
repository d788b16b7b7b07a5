package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.money.Money;
import io.scrapline.platform.problem.FieldError;

/**
 * A period's scrap report as a quality technician compiles it by hand (issue 14, the parallel run): a sheet of rows
 * with the columns line, part, defect code, quantity and cost, under a header row that names them (in any order, any
 * case, spaces or underscores: "Defect code" is {@code defect_code}). Other columns, such as notes, are left alone;
 * blank rows are skipped. Parts and defect codes are those Scrapline reports (the ERP part, the catalog's code); cost
 * is in the plant's currency. Rows are numbered from 1 under the header, as the problem responses number them.
 */
public final class ManualReport {

    public static final String CSV = "csv";
    public static final String XLSX = "xlsx";

    static final List<String> COLUMNS = List.of("line", "part", "defect_code", "quantity", "cost");

    /** One row of the upload as read. */
    @RegisterForReflection
    public record Row(int row, String line, String part, String defectCode, BigDecimal quantity, BigDecimal cost) {
    }

    /** The rows read, or every problem of the upload: each bad row and field, or the header's. */
    public record Read(List<Row> rows, List<FieldError> errors) {
    }

    private ManualReport() {
    }

    /** Reads an upload of {@code format} ({@link #CSV} or {@link #XLSX}) with costs in {@code currency}. */
    public static Read read(byte[] body, String format, String currency) {
        List<List<String>> cells;
        try {
            cells = format.equals(XLSX) ? XlsxSheet.rows(body) : csv(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return new Read(List.of(), List.of(new FieldError(null, "file", e.getMessage())));
        }
        return rows(cells, currency);
    }

    /** The rows under the header of {@code cells}, the first row; each value trimmed. */
    static Read rows(List<List<String>> cells, String currency) {
        List<FieldError> errors = new ArrayList<>();
        if (cells.isEmpty()) {
            return new Read(List.of(), List.of(new FieldError(null, "file", "the file is empty: it needs a header "
                    + "row naming the columns " + String.join(", ", COLUMNS) + ", and a row per figure")));
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = cells.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_"), i);
        }
        for (String name : COLUMNS) {
            if (!column.containsKey(name)) {
                errors.add(new FieldError(null, name, "the header row has no column " + name));
            }
        }
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        int scale = Money.minorUnits(currency);
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < cells.size(); r++) {
            List<String> cellsOfRow = cells.get(r);
            if (cellsOfRow.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> value = new HashMap<>();
            COLUMNS.forEach(name -> {
                int at = column.get(name);
                value.put(name, at < cellsOfRow.size() ? cellsOfRow.get(at).strip() : "");
            });
            int before = errors.size();
            for (String name : List.of("line", "part", "defect_code")) {
                String text = value.get(name);
                String problem = text.isEmpty() ? "must not be blank"
                        : text.length() > InputRules.NAME_MAX ? "must be at most " + InputRules.NAME_MAX + " characters"
                                : InputRules.textProblem(text);
                if (problem != null) {
                    errors.add(new FieldError(r, name, problem));
                }
            }
            BigDecimal quantity = decimal(value.get("quantity"), r, "quantity", errors);
            if (quantity != null && quantity.signum() < 0) {
                errors.add(new FieldError(r, "quantity", "must be at least 0"));
            }
            BigDecimal cost = decimal(value.get("cost"), r, "cost", errors);
            if (cost != null && cost.stripTrailingZeros().scale() > scale) {
                errors.add(new FieldError(r, "cost", "has more decimals than " + currency + " has (" + scale + ")"));
            }
            if (errors.size() == before) {
                rows.add(new Row(r, value.get("line"), value.get("part"), value.get("defect_code"),
                        quantity.stripTrailingZeros(), cost.setScale(Math.max(scale, cost.scale()))));
            }
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new FieldError(null, "file", "the file has a header row but no figures"));
        }
        return new Read(errors.isEmpty() ? rows : List.of(), errors);
    }

    /** A plain decimal, or one with thousands separators as a spreadsheet shows it (1,234.50). */
    private static BigDecimal decimal(String text, int row, String field, List<FieldError> errors) {
        String plain = text.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? text.replace(",", "") : text;
        BigDecimal number;
        try {
            number = Money.parse(plain);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(row, field, text.isEmpty() ? "must not be blank" : "must be a decimal number"));
            return null;
        }
        // What the parallel run stores must read back, and a figure of a manual report is never that long.
        String problem = InputRules.decimalProblem(number);
        if (problem != null) {
            errors.add(new FieldError(row, field, problem));
            return null;
        }
        return number;
    }

    /**
     * The cells of a CSV text (RFC 4180: fields in double quotes may hold commas, quotes doubled and line breaks; CRLF
     * or LF), a UTF-8 byte-order mark left out.
     */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed before the end of the file");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

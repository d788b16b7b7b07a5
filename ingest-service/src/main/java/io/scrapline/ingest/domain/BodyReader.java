package io.scrapline.ingest.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

/** Reads a batch body, JSON array or CSV with a header row, into rows of field name to text. */
public final class BodyReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private BodyReader() {
    }

    public static List<Map<String, String>> json(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of records");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode record = root.get(i);
            if (!record.isObject()) {
                errors.add(new FieldError(i + 1, null, "must be a JSON object"));
                rows.add(Map.of());
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    errors.add(new FieldError(i + 1, field.getKey(), "must be a single value, not an object or list"));
                } else if (!value.isNull()) {
                    row.put(field.getKey(), value.asText());
                }
            }
            rows.add(row);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the batch has records of the wrong shape", errors);
        }
        return rows;
    }

    /** CSV with a header row; {@code delimiter} is {@code ,} or {@code ;}. A UTF-8 byte order mark is skipped. */
    public static List<Map<String, String>> csv(String body, char delimiter) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(delimiter);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            int row = rows.size() + 1;
            throw new InvalidInputException("the CSV cannot be read past row " + row,
                    List.of(new FieldError(row, null, "unreadable CSV row: " + firstLine(e.getMessage()))));
        }
        return rows;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

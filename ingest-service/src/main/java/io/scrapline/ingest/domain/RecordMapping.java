package io.scrapline.ingest.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a source's record into the field texts of a record type through a connector's field map. Source fields the map
 * does not name are ignored; a name that starts with {@code /} is a JSON pointer into a nested record.
 */
public final class RecordMapping {

    private RecordMapping() {
    }

    public static Map<String, String> fromJson(JsonNode item, Map<String, String> fieldMap) {
        Map<String, String> row = new LinkedHashMap<>();
        fieldMap.forEach((source, target) -> {
            JsonNode value = source.startsWith("/") ? item.at(source) : item.get(source);
            if (value != null && !value.isMissingNode() && !value.isNull()) {
                row.put(target, text(value));
            }
        });
        return row;
    }

    public static Map<String, String> fromColumns(Map<String, String> columns, Map<String, String> fieldMap) {
        Map<String, String> row = new LinkedHashMap<>();
        fieldMap.forEach((source, target) -> {
            String value = columns.get(source);
            if (value != null) {
                row.put(target, value);
            }
        });
        return row;
    }

    /**
     * The text the record type reads. Decimals keep their digits (no exponent); an object or list becomes its JSON,
     * which the record type then refuses with a message, rather than being dropped unseen.
     */
    public static String text(JsonNode value) {
        if (value.isBigDecimal() || value.isFloatingPointNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}

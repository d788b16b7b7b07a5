package io.scrapline.ingest.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;

/**
 * One CloudEvents 1.0 event in structured JSON mode whose {@code data} is one record. The event type says which record
 * type the data is; extension attributes are allowed and ignored. {@code time} is null when the event has none.
 */
public record CloudEvent(String id, String source, String type, OffsetDateTime time, RecordType recordType,
        JsonNode data) {

    /** The event types a source may send, and the record type of their data. */
    public static final Map<String, RecordType> TYPES;

    static {
        Map<String, RecordType> types = new LinkedHashMap<>();
        types.put("defect.recorded", RecordType.DEFECTS);
        types.put("defect.updated", RecordType.DEFECTS);
        types.put("nonconformance_report.created", RecordType.NCRS);
        types.put("nonconformance_report.updated", RecordType.NCRS);
        types.put("rework.booked", RecordType.REWORK_LABOR);
        types.put("rework.updated", RecordType.REWORK_LABOR);
        TYPES = Collections.unmodifiableMap(types);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the event and checks its attributes, naming every bad one at once. The data is checked later as row 1 of a
     * one-record batch, the same way as on the batch endpoint.
     */
    public static CloudEvent parse(byte[] body) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event == null || !event.isObject()) {
            throw new InvalidInputException("body", "must be one CloudEvents event as a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!"1.0".equals(text(event, "specversion"))) {
            errors.add(new FieldError(null, "specversion", "must be 1.0"));
        }
        String id = required(event, "id", errors);
        String source = required(event, "source", errors);
        String type = required(event, "type", errors);
        RecordType recordType = type == null ? null : TYPES.get(type);
        if (type != null && recordType == null) {
            errors.add(new FieldError(null, "type",
                    "unknown event type " + type + "; known: " + String.join(", ", TYPES.keySet())));
        }
        OffsetDateTime time = null;
        if (event.hasNonNull("time")) {
            try {
                time = OffsetDateTime.parse(event.get("time").asText());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(null, "time", "must be an RFC 3339 timestamp"));
            }
        }
        String contentType = text(event, "datacontenttype");
        if (contentType != null && !isJson(contentType)) {
            errors.add(new FieldError(null, "datacontenttype", "must be application/json"));
        }
        if (event.has("data_base64")) {
            errors.add(
                    new FieldError(null, "data_base64", "is not supported: send the record as a JSON object in data"));
        }
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            errors.add(new FieldError(null, "data", "must be one record as a JSON object"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the event is not a CloudEvents 1.0 event of a known type", errors);
        }
        return new CloudEvent(id, source, type, time, recordType, data);
    }

    /**
     * The data as a one-row batch body, so that it goes through the same reading and validation as a JSON array sent to
     * the batch endpoint: a nested value or an unknown field is an error of row 1, listed with every other one.
     */
    public RowSource rows() {
        try {
            return RowSource.json(new ByteArrayInputStream(JSON.writeValueAsBytes(JSON.createArrayNode().add(data))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is always writable", e);
        }
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String text(JsonNode event, String attribute) {
        JsonNode value = event.get(attribute);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String required(JsonNode event, String attribute, List<FieldError> errors) {
        String value = text(event, attribute);
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(null, attribute, "is required (a non-empty string)"));
            return null;
        }
        return value;
    }
}

package io.scrapline.alert.domain;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Measure;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.Notice.Window;
import io.scrapline.alert.domain.Notice.WindowKind;

/**
 * A {@link Notice} as stored with its alert and read back for each delivery, however much later: decimals as strings,
 * times as ISO-8601, the window's zone by its id.
 */
public final class NoticeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NoticeJson() {
    }

    public static String write(Notice notice) {
        ObjectNode json = JsonText.object().put("alert_id", notice.alertId())
                .put("raised_at", notice.raisedAt().toString()).put("level", notice.level().code())
                .put("rule_id", notice.ruleId()).put("rule_name", notice.ruleName()).put("plant", notice.plant())
                .put("plant_name", notice.plantName()).put("line", notice.line())
                .put("work_center", notice.workCenter()).put("shift", notice.shift())
                .put("defect_code", notice.defectCode()).put("defect_category", notice.defectCategory())
                .put("metric", notice.measure().metric().code())
                .put("figure", notice.measure().figure().toPlainString())
                .put("threshold", notice.measure().threshold().toPlainString()).put("currency", notice.currency())
                .put("threshold_basis", notice.thresholdBasis());
        Window window = notice.window();
        json.putObject("window").put("kind", window.kind().code())
                .put("start", window.start().toOffsetDateTime().toString())
                .put("end", window.end().toOffsetDateTime().toString()).put("zone", window.start().getZone().getId())
                .put("label", window.label());
        ArrayNode events = json.putArray("top_events");
        for (Event event : notice.topEvents()) {
            events.addObject().put("event_id", event.eventId()).put("occurred_at", event.occurredAt().toString())
                    .put("part", event.part()).put("defect_code", event.defectCode())
                    .put("quantity", decimal(event.quantity())).put("amount", decimal(event.amount()))
                    .put("ncr", event.ncr());
        }
        ArrayNode ncrs = json.putArray("ncrs");
        notice.ncrs().forEach(ncrs::add);
        return JsonText.write(json);
    }

    /**
     * @throws IllegalArgumentException
     *             for text that is no stored notice
     */
    public static Notice read(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("a stored notice that is no JSON", e);
        }
        JsonNode window = json.path("window");
        ZoneId zone = ZoneId.of(window.path("zone").asText());
        List<Event> events = new ArrayList<>();
        for (JsonNode event : json.path("top_events")) {
            events.add(new Event(event.path("event_id").asLong(), Instant.parse(event.path("occurred_at").asText()),
                    text(event, "part"), text(event, "defect_code"), decimal(event, "quantity"),
                    decimal(event, "amount"), text(event, "ncr")));
        }
        List<String> ncrs = new ArrayList<>();
        json.path("ncrs").forEach(ncr -> ncrs.add(ncr.asText()));
        return new Notice(text(json, "alert_id"), Instant.parse(json.path("raised_at").asText()),
                Level.valueOf(upper(json, "level")), text(json, "rule_id"), text(json, "rule_name"),
                text(json, "plant"), text(json, "plant_name"), text(json, "line"), text(json, "work_center"),
                text(json, "shift"), text(json, "defect_code"), text(json, "defect_category"),
                new Measure(Metric.valueOf(upper(json, "metric")), decimal(json, "figure"), decimal(json, "threshold")),
                text(json, "currency"), text(json, "threshold_basis"),
                new Window(WindowKind.valueOf(upper(window, "kind")),
                        OffsetDateTime.parse(window.path("start").asText()).atZoneSameInstant(zone),
                        OffsetDateTime.parse(window.path("end").asText()).atZoneSameInstant(zone),
                        text(window, "label")),
                events, ncrs);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(JsonNode json, String field) {
        String value = text(json, field);
        return value == null ? null : new BigDecimal(value);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String upper(JsonNode json, String field) {
        return json.path(field).asText().toUpperCase(Locale.ROOT);
    }
}

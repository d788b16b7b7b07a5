package io.scrapline.alert.domain;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Window;

/**
 * The generic JSON of an alert for a webhook, a declared and versioned record (docs/api.md, "Alert channels"):
 * {@code {"type": "scrapline.alert.v1", "timestamp": ..., "data": {...}}} in the payload structure Standard Webhooks
 * recommends. Decimals are strings; every field is present, null where the alert has no value for it. A digest is
 * {@code scrapline.alert_digest.v1} with the alerts' {@code data} in {@code data.alerts}.
 */
public final class AlertPayload {

    public static final String TYPE = "scrapline.alert.v1";
    public static final String DIGEST_TYPE = "scrapline.alert_digest.v1";

    private AlertPayload() {
    }

    public static String render(Notice notice, NoticeLinks links) {
        ObjectNode payload = JsonText.object().put("type", TYPE).put("timestamp", notice.raisedAt().toString());
        payload.set("data", data(notice, links));
        return JsonText.write(payload);
    }

    public static String render(Digest digest, NoticeLinks links) {
        ObjectNode payload = JsonText.object().put("type", DIGEST_TYPE).put("timestamp", digest.to().toString());
        ObjectNode data = payload.putObject("data").put("from", digest.from().toString())
                .put("to", digest.to().toString()).put("time_zone", digest.zone().getId())
                .put("count", digest.notices().size()).put("critical", digest.critical());
        ArrayNode alerts = data.putArray("alerts");
        digest.notices().forEach(notice -> alerts.add(data(notice, links)));
        data.put("alerts_url", links.alerts());
        return JsonText.write(payload);
    }

    private static ObjectNode data(Notice notice, NoticeLinks links) {
        ObjectNode data = JsonText.object().put("alert_id", notice.alertId())
                .put("raised_at", notice.raisedAt().toString()).put("level", notice.level().code());
        data.putObject("rule").put("id", notice.ruleId()).put("name", notice.ruleName());
        data.put("plant", notice.plant()).put("plant_name", notice.plantName()).put("line", notice.line())
                .put("work_center", notice.workCenter()).put("shift", notice.shift())
                .put("defect_code", notice.defectCode()).put("defect_category", notice.defectCategory());
        data.put("metric", notice.measure().metric().code()).put("figure", decimal(notice.measure().figure()))
                .put("threshold", decimal(notice.measure().threshold())).put("currency", notice.currency())
                .put("threshold_basis", notice.thresholdBasis());
        Window window = notice.window();
        data.putObject("window").put("kind", window.kind().code()).put("label", window.label())
                .put("start", window.start().toOffsetDateTime().toString())
                .put("end", window.end().toOffsetDateTime().toString())
                .put("time_zone", window.start().getZone().getId());
        ArrayNode ncrs = data.putArray("ncrs");
        for (String ncr : notice.ncrs()) {
            ncrs.addObject().put("id", ncr).put("url", links.ncr(notice.plant(), ncr));
        }
        ArrayNode events = data.putArray("top_events");
        for (Event event : notice.topEvents()) {
            events.addObject().put("id", event.eventId()).put("occurred_at", event.occurredAt().toString())
                    .put("part", event.part()).put("defect_code", event.defectCode())
                    .put("quantity", decimal(event.quantity())).put("amount", decimal(event.amount()))
                    .put("ncr", event.ncr()).put("url", links.costedEvent(event.eventId()));
        }
        data.putObject("links").put("alert", links.alert(notice.alertId())).put("acknowledge",
                links.acknowledge(notice.alertId()));
        return data;
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}

package io.scrapline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sample plant's month-end distribution: an audience of every role subscribed to the report of the close, and what
 * the distribution log says was sent.
 */
final class SampleDistribution {

    static final String AUDIENCE = "dayton-month-end";
    static final String SUBSCRIPTION = "dayton-month-end";

    private SampleDistribution() {
    }

    /** A controller, a quality engineer, the supervisor of line L1 and the plant manager. */
    static Map<String, Object> audience() {
        return Map.of("members", List.of(
                Map.of("name", "Sam Whitfield", "role", "controller", "email", "sam.whitfield@dayton.example.com"),
                Map.of("name", "Dana Ortiz", "role", "quality", "email", "dana.ortiz@dayton.example.com"),
                Map.of("name", "Lee Moreno", "role", "supervisor", "email", "lee.moreno@dayton.example.com", "lines",
                        List.of("L1")),
                Map.of("name", "Pat Kowalski", "role", "plant_manager", "email", "pat.kowalski@dayton.example.com")));
    }

    /** The month-end report of the plant, attached as PDF and spreadsheet and linked. */
    static Map<String, Object> subscription(String plant) {
        return Map.of("audience", AUDIENCE, "plant", plant, "cadence", "month_end", "formats",
                List.of("pdf", "xlsx", "html_link"));
    }

    /** The subscription's runs once every one is sent (or failed for good), within a minute of the close. */
    static JsonNode awaitSent(Api admin, String alerts) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            JsonNode runs = admin.get(alerts + "/alerts/distributions?subscription=" + SUBSCRIPTION).expect(200).json();
            boolean settled = runs.size() > 0 && StreamSupport.stream(runs.spliterator(), false)
                    .allMatch(run -> List.of("done", "failed").contains(run.get("status").asText()));
            if (settled || Instant.now().isAfter(deadline)) {
                return runs;
            }
            LocalStack.sleep(250);
        }
    }

    /** What was sent, one line per recipient, as the main job prints it. */
    static String summary(JsonNode runs) {
        StringBuilder out = new StringBuilder();
        for (JsonNode run : runs) {
            long delivered = 0;
            StringBuilder recipients = new StringBuilder();
            for (JsonNode delivery : run.get("deliveries")) {
                boolean sent = delivery.get("status").asText().equals("delivered");
                delivered += sent ? 1 : 0;
                String view = delivery.get("view").asText() + " view" + (delivery.get("lines").isEmpty() ? ""
                        : " of " + String.join(", ", texts(delivery.get("lines"))));
                recipients.append(String.format("  %-34s %-26s %s (%s)%n", delivery.get("recipient").asText(), view,
                        sent ? "accepted by the SMTP server" : delivery.get("status").asText(),
                        String.join(", ", texts(delivery.get("formats")))));
            }
            out.append(String.format("Distribution %s (%s): %d of %d email(s) delivered%n", run.get("run_key").asText(),
                    run.get("status").asText(), delivered, run.get("deliveries").size()));
            out.append(recipients);
        }
        return out.toString();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

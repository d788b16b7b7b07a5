package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.CHART;
import static io.scrapline.k8s.Charts.PRODUCTION_VALUES;
import static io.scrapline.k8s.Charts.map;
import static io.scrapline.k8s.Charts.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard the chart ships: rendered into a ConfigMap, laid out, and querying what the services expose.
 */
class DashboardTest {

    private static final Pattern SCRAPLINE_METRIC = Pattern.compile("scrapline_[a-z_]+");

    private static JsonNode dashboard;
    private static List<JsonNode> targets;

    @BeforeAll
    static void renderWithProductionValues() throws IOException {
        Map<String, Object> configMap = render(List.of(PRODUCTION_VALUES), UnaryOperator.identity()).stream()
                .filter(resource -> resource.get("kind").equals("ConfigMap")
                        && map(resource, "metadata").get("name").toString().endsWith("-dashboard"))
                .findFirst().orElseThrow();
        assertThat(map(configMap, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
        String json = map(configMap, "data").get("scrapline.json").toString();
        assertThat(json).isEqualTo(Files.readString(CHART.resolve("dashboards/scrapline.json")).strip());
        dashboard = new ObjectMapper().readTree(json);
        targets = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.path("targets").forEach(targets::add));
    }

    @Test
    void theDefaultValuesRenderNoDashboard() {
        assertThat(render(UnaryOperator.identity())).noneMatch(resource -> resource.get("kind").equals("ConfigMap")
                && map(resource, "metadata").get("name").toString().endsWith("-dashboard"));
    }

    @Test
    void showsTheBacklogLatencyAndErrors() {
        List<String> rows = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            if (panel.get("type").asText().equals("row")) {
                rows.add(panel.get("title").asText());
            }
        });

        assertThat(rows).anyMatch(title -> title.startsWith("Backlog")).contains("Latency", "Errors");
        assertThat(targets).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void everyQueryIsScopedToTheChosenNamespacesAndReadsThePrometheusVariable() {
        assertThat(targets).allSatisfy(target -> {
            assertThat(target.get("expr").asText()).contains("namespace=~\"$namespace\"");
            assertThat(target.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            assertThat(balanced(target.get("expr").asText())).as(target.get("expr").asText()).isTrue();
        });
    }

    /** A backlog panel queries a gauge the autoscaling triggers also name, so a renamed gauge fails here too. */
    @Test
    void theBacklogGaugesAreTheOnesTheAutoscalingTriggersRead() throws IOException {
        Set<String> triggers = metrics(Files.readString(CHART.resolve("values.yaml")));
        triggers.add("scrapline_sweep_failures_total");
        Set<String> queried = new TreeSet<>();
        targets.forEach(target -> queried.addAll(metrics(target.get("expr").asText())));

        assertThat(queried).isNotEmpty().isSubsetOf(triggers);
        assertThat(queried).contains("scrapline_costing_uncosted_records", "scrapline_recosting_parts",
                "scrapline_period_closes_queued", "scrapline_alert_deliveries_pending",
                "scrapline_ingest_batches_in_flight");
    }

    @Test
    void panelsFitTheGridWithoutOverlapping() {
        List<int[]> boxes = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            JsonNode grid = panel.get("gridPos");
            boxes.add(new int[] { grid.get("x").asInt(), grid.get("y").asInt(), grid.get("w").asInt(),
                    grid.get("h").asInt() });
        });

        assertThat(boxes).allSatisfy(box -> assertThat(box[0] + box[2]).isLessThanOrEqualTo(24));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                int[] a = boxes.get(i);
                int[] b = boxes.get(j);
                boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                assertThat(overlap).as("panels %d and %d overlap", i, j).isFalse();
            }
        }
    }

    private static Set<String> metrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SCRAPLINE_METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}

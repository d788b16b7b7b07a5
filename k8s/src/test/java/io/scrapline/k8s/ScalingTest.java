package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.KEDA_VALUES;
import static io.scrapline.k8s.Charts.PRODUCTION_VALUES;
import static io.scrapline.k8s.Charts.SERVICES;
import static io.scrapline.k8s.Charts.env;
import static io.scrapline.k8s.Charts.map;
import static io.scrapline.k8s.Charts.maps;
import static io.scrapline.k8s.Charts.names;
import static io.scrapline.k8s.Charts.podSpec;
import static io.scrapline.k8s.Charts.render;
import static io.scrapline.k8s.Charts.resource;
import static io.scrapline.k8s.Charts.resourceName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replicas at month-end: CPU autoscaling with behavior, KEDA on the backlog, budgets, spread, shutdown, pools. */
class ScalingTest {

    private static final Pattern GAUGE = Pattern.compile("scrapline_[a-z_]+");

    @Test
    void productionAutoscalesOnCpuScalesDownSlowlyAndKeepsABudgetAndSpreadPerService() {
        List<Map<String, Object>> manifests = render(List.of(PRODUCTION_VALUES), UnaryOperator.identity());

        for (String service : SERVICES) {
            Map<String, Object> hpa = map(resource(manifests, "HorizontalPodAutoscaler", resourceName(service)),
                    "spec");
            assertThat(map(hpa, "behavior", "scaleDown")).containsEntry("stabilizationWindowSeconds", 300);
            assertThat(hpa.get("minReplicas")).as(service).isEqualTo(2);
            assertThat(map(resource(manifests, "PodDisruptionBudget", resourceName(service)), "spec"))
                    .containsEntry("minAvailable", 1);
            assertThat(map(resource(manifests, "Deployment", resourceName(service)), "spec"))
                    .doesNotContainKey("replicas");
            assertThat(maps(podSpec(manifests, service).get("topologySpreadConstraints")))
                    .extracting(constraint -> constraint.get("topologyKey"))
                    .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
        }
        assertThat(names(manifests, "ScaledObject")).isEmpty();
    }

    @Test
    void kedaScalesTheWorkersOnTheirBacklogInsteadOfTheCpuHpa() {
        List<Map<String, Object>> manifests = render(List.of(KEDA_VALUES), UnaryOperator.identity());
        Map<String, Object> costing = map(resource(manifests, "ScaledObject", resourceName("costing-service")), "spec");
        List<Map<String, Object>> triggers = maps(costing.get("triggers"));

        assertThat(names(manifests, "ScaledObject")).containsExactlyInAnyOrder(resourceName("ingest-service"),
                resourceName("costing-service"), resourceName("reporting-service"));
        assertThat(names(manifests, "HorizontalPodAutoscaler")).as("KEDA makes its own HPA").isEmpty();
        assertThat(map(costing, "scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name",
                resourceName("costing-service"));
        assertThat(costing).containsEntry("minReplicaCount", 1).containsEntry("maxReplicaCount", 12);
        assertThat(map(costing, "advanced", "horizontalPodAutoscalerConfig", "behavior", "scaleDown"))
                .containsEntry("stabilizationWindowSeconds", 300);
        assertThat(triggers).allSatisfy(trigger -> {
            assertThat(trigger).containsEntry("type", "prometheus");
            assertThat(map(trigger, "metadata")).containsEntry("serverAddress",
                    "http://prometheus-operated.monitoring:9090");
        });
        assertThat(triggers).extracting(trigger -> map(trigger, "metadata").get("query")).containsExactly(
                "sum(max by (tenant) (scrapline_costing_uncosted_records{namespace=\"scrapline-test\"}))",
                "sum(max by (tenant, status) (scrapline_recosting_parts{namespace=\"scrapline-test\", status=~\"queued|running\"}))");
        // Ingest's replicas count their own batches; the gauges counted in the database show the whole backlog on
        // every replica, so their sum would grow with the replicas it scales. Each query keeps to the release's
        // namespace, so another release's backlog scales nothing here.
        assertThat(query(manifests, "ingest-service"))
                .contains("sum(scrapline_ingest_batches_in_flight{namespace=\"scrapline-test\"})");
        assertThat(query(manifests, "reporting-service"))
                .contains("sum(max by (tenant) (scrapline_period_closes_queued{namespace=\"scrapline-test\"}))");
        for (String service : List.of("ingest-service", "costing-service", "reporting-service")) {
            assertThat(map(resource(manifests, "Deployment", resourceName(service)), "spec"))
                    .doesNotContainKey("replicas");
        }
        assertThat(map(resource(manifests, "Deployment", resourceName("alert-service")), "spec"))
                .containsEntry("replicas", 1);
        assertThat(names(manifests, "PodDisruptionBudget")).as("only ingest runs at least two replicas")
                .containsExactly(resourceName("ingest-service"));
    }

    @Test
    void kedaAlertTriggerQueriesPendingDeliveriesAndNeedsAPrometheus() {
        List<Map<String, Object>> manifests = render(List.of(KEDA_VALUES),
                template -> template.set("alertService.keda.enabled", true));

        assertThat(query(manifests, "alert-service")).contains(
                "sum(max by (tenant) (scrapline_alert_deliveries_pending{namespace=\"scrapline-test\", state=\"due\"}))");
        assertThatThrownBy(
                () -> render(List.of(KEDA_VALUES), template -> template.set("keda.prometheus.serverAddress", "")))
                        .hasMessageContaining("keda.prometheus.serverAddress is required");
    }

    /**
     * Services and chart agree: every gauge a default trigger queries is one a service registers (Micrometer's dotted
     * name, which Prometheus writes with underscores) in the service the trigger scales.
     */
    @Test
    void everyTriggerQueriesAGaugeItsServiceRegisters() throws IOException {
        List<Map<String, Object>> manifests = render(List.of(KEDA_VALUES),
                template -> template.set("alertService.keda.enabled", true));
        for (String service : SERVICES) {
            String sources = javaSources(Path.of("..", service, "src/main/java"));
            Matcher gauges = GAUGE.matcher(query(manifests, service));
            assertThat(gauges.find()).as(service + " has a trigger").isTrue();
            do {
                assertThat(sources).as(service + " registers " + gauges.group())
                        .contains('"' + gauges.group().replace('_', '.') + '"');
            } while (gauges.find());
        }
    }

    /** The text of every Java file under {@code root}. */
    private static String javaSources(Path root) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "costing-service", "reporting-service", "alert-service" })
    void aStoppingPodGetsLongerThanTheServicesShutdownTimeout(String service) {
        Map<String, Object> pod = podSpec(render(UnaryOperator.identity()), service);
        Duration shutdown = shutdownTimeout(service);

        assertThat(shutdown).as("%s quarkus.shutdown.timeout", service).isPositive();
        assertThat(Duration.ofSeconds((Integer) pod.get("terminationGracePeriodSeconds")))
                .isGreaterThan(shutdown.plusSeconds(5));
    }

    @Test
    void everyServiceGetsItsPoolSizesAndTheTotalIsCheckedAgainstTheServer() {
        List<Map<String, Object>> manifests = render(UnaryOperator.identity());

        for (String service : SERVICES) {
            Map<String, Object> env = env(maps(podSpec(manifests, service).get("containers")).get(0));
            assertThat(env).as(service).containsEntry("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", "10");
            if (service.equals("ingest-service")) {
                assertThat(env).containsEntry("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "8");
            } else {
                assertThat(env).doesNotContainKey("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            }
        }
        // Production: 6 × 18 + 8 × 10 + 6 × 10 + 4 × 10 for the services, 19 for the migration Job: 307.
        assertThat(render(List.of(PRODUCTION_VALUES), template -> template.set("database.maxConnections", 327)))
                .isNotEmpty();
        assertThatThrownBy(
                () -> render(List.of(PRODUCTION_VALUES), template -> template.set("database.maxConnections", 326)))
                        .hasMessageContaining("may open 307 database connections");
    }

    private static String query(List<Map<String, Object>> manifests, String service) {
        return maps(map(resource(manifests, "ScaledObject", resourceName(service)), "spec").get("triggers")).stream()
                .map(trigger -> map(trigger, "metadata").get("query").toString()).toList().toString();
    }

    private static Duration shutdownTimeout(String service) {
        Path file = Path.of("..", service, "src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = properties.getProperty("quarkus.shutdown.timeout", "0s").strip();
        return Duration.parse("PT" + value.toUpperCase());
    }
}

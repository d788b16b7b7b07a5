package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.PRODUCTION_VALUES;
import static io.scrapline.k8s.Charts.env;
import static io.scrapline.k8s.Charts.map;
import static io.scrapline.k8s.Charts.maps;
import static io.scrapline.k8s.Charts.names;
import static io.scrapline.k8s.Charts.podSpec;
import static io.scrapline.k8s.Charts.render;
import static io.scrapline.k8s.Charts.resource;
import static io.scrapline.k8s.Charts.resourceName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NetworkPolicies of the production values: deny by default, then only what architecture.md says each needs. */
class NetworkPolicyTest {

    private static final Map<String, Integer> PORTS = Map.of("ingest-service", 8081, "costing-service", 8082,
            "reporting-service", 8083, "alert-service", 8084);

    private static List<Map<String, Object>> manifests;

    @BeforeAll
    static void renderProduction() {
        manifests = render(List.of(PRODUCTION_VALUES), UnaryOperator.identity());
    }

    @Test
    void everyPodOfTheReleaseStartsFromDenyAll() {
        Map<String, Object> spec = map(resource(manifests, "NetworkPolicy", "scrapline-default-deny"), "spec");

        assertThat(map(spec, "podSelector", "matchLabels")).containsOnly(
                Map.entry("app.kubernetes.io/name", "scrapline"), Map.entry("app.kubernetes.io/instance", "scrapline"));
        assertThat(spec.get("policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
        assertThat(spec).doesNotContainKeys("ingress", "egress");
        assertThat(names(manifests, "NetworkPolicy")).containsExactlyInAnyOrder("scrapline-default-deny",
                "scrapline-ingest-service", "scrapline-costing-service", "scrapline-reporting-service",
                "scrapline-alert-service", "scrapline-migration", "scrapline-test");
    }

    @ParameterizedTest
    @CsvSource({ "ingest-service, ''", "costing-service, ingest-service", "reporting-service, alert-service",
            "alert-service, costing-service reporting-service" })
    void aServiceTakesItsPortFromTheIngressControllerPrometheusItsCallersAndTheTestPodOnly(String service,
            String callers) {
        Map<String, Object> spec = policy(service);
        List<Map<String, Object>> rules = maps(spec.get("ingress"));

        assertThat(map(spec, "podSelector", "matchLabels")).containsEntry("app.kubernetes.io/component", service);
        // Prometheus reaches the management port (health and metrics) only, the others the API port only.
        assertThat(rules).allSatisfy(rule -> assertThat(maps(rule.get("ports"))).containsExactly(Map.of("port",
                namespaces(List.of(rule)).contains("monitoring") ? 9000 : PORTS.get(service), "protocol", "TCP")));
        assertThat(namespaces(rules)).containsExactlyInAnyOrder("ingress-nginx", "monitoring");
        Set<String> expected = new TreeSet<>(List.of("test"));
        if (!callers.isBlank()) {
            expected.addAll(List.of(callers.split(" ")));
        }
        assertThat(components(rules)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "ingest-service, costing-service", "costing-service, alert-service",
            "reporting-service, alert-service", "alert-service, reporting-service" })
    void aServiceReachesDnsThePostgresqlAddressAndOnlyTheServicesItCalls(String service, String callee) {
        List<Map<String, Object>> rules = maps(policy(service).get("egress"));

        assertThat(components(rules)).containsExactly(callee);
        assertThat(rules).anySatisfy(rule -> {
            assertThat(maps(rule.get("to"))).containsExactly(Map.of("ipBlock", Map.of("cidr", "10.0.5.10/32")));
            assertThat(maps(rule.get("ports"))).containsExactly(Map.of("port", 5433, "protocol", "TCP"));
        });
        assertThat(rules).anySatisfy(rule -> assertThat(maps(rule.get("ports")))
                .contains(Map.of("port", 53, "protocol", "UDP"), Map.of("port", 53, "protocol", "TCP")));
    }

    @Test
    void onlyAlertReachesSmtpAndOnlyIngestAndAlertTheirAllowLists() {
        assertThat(cidrs("alert-service")).containsExactlyInAnyOrder("10.0.5.10/32", "10.0.6.25/32", "0.0.0.0/0");
        assertThat(cidrs("ingest-service")).containsExactlyInAnyOrder("10.0.5.10/32", "0.0.0.0/0", "10.20.0.0/16");
        assertThat(cidrs("costing-service")).containsExactly("10.0.5.10/32");
        assertThat(cidrs("reporting-service")).containsExactly("10.0.5.10/32");
        Map<String, Object> publicHttps = maps(policy("alert-service").get("egress")).stream()
                .filter(rule -> rule.toString().contains("0.0.0.0/0")).findFirst().orElseThrow();
        assertThat(map(maps(publicHttps.get("to")).get(0), "ipBlock").get("except")).asList().contains("10.0.0.0/8");
        assertThat(maps(publicHttps.get("ports"))).containsExactly(Map.of("port", 443, "protocol", "TCP"));
    }

    @Test
    void theMigrationReachesOnlyDnsAndPostgresqlAndTakesNothing() {
        Map<String, Object> spec = map(resource(manifests, "NetworkPolicy", resourceName("migration")), "spec");

        assertThat(spec).doesNotContainKey("ingress");
        assertThat(components(maps(spec.get("egress")))).isEmpty();
        assertThat(maps(spec.get("egress"))).hasSize(2);
    }

    @Test
    void withACollectorEveryServiceExportsItsSpansThereAndReachesItsPortOnly() {
        String collector = "http://otel-collector.observability:4318";
        List<Map<String, Object>> traced = render(List.of(PRODUCTION_VALUES),
                template -> template.set("tracing.otlpEndpoint", collector));

        for (String service : PORTS.keySet()) {
            Map<String, Object> container = maps(podSpec(traced, service).get("containers")).get(0);
            assertThat(env(container)).containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector);
            List<Map<String, Object>> egress = maps(
                    map(resource(traced, "NetworkPolicy", resourceName(service)), "spec").get("egress"));
            assertThat(egress).filteredOn(rule -> rule.toString().contains("observability")).singleElement()
                    .satisfies(rule -> assertThat(maps(rule.get("ports")))
                            .containsExactly(Map.of("port", 4318, "protocol", "TCP")));
        }
        // Without one, tracing stays off (the services' default) and no policy opens the collector's port.
        for (String service : PORTS.keySet()) {
            assertThat(env(maps(podSpec(manifests, service).get("containers")).get(0)))
                    .doesNotContainKeys("QUARKUS_OTEL_SDK_DISABLED", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
            assertThat(policy(service).toString()).doesNotContain("observability");
        }
    }

    @Test
    void noPolicyUnlessEnabled() {
        assertThat(names(render(UnaryOperator.identity()), "NetworkPolicy")).isEmpty();
    }

    private static Map<String, Object> policy(String service) {
        return map(resource(manifests, "NetworkPolicy", resourceName(service)), "spec");
    }

    private static List<Map<String, Object>> peers(List<Map<String, Object>> rules) {
        List<Map<String, Object>> peers = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            Object list = rule.containsKey("from") ? rule.get("from") : rule.get("to");
            if (list != null) {
                peers.addAll(maps(list));
            }
        }
        return peers;
    }

    /** Release components the rules name by pod selector alone (same namespace). */
    private static Set<String> components(List<Map<String, Object>> rules) {
        Set<String> components = new TreeSet<>();
        for (Map<String, Object> peer : peers(rules)) {
            if (peer.containsKey("podSelector") && !peer.containsKey("namespaceSelector")) {
                components.add(map(peer, "podSelector", "matchLabels").get("app.kubernetes.io/component").toString());
            }
        }
        return components;
    }

    private static Set<String> namespaces(List<Map<String, Object>> rules) {
        Set<String> namespaces = new TreeSet<>();
        for (Map<String, Object> peer : peers(rules)) {
            if (peer.containsKey("namespaceSelector")) {
                namespaces.add(
                        map(peer, "namespaceSelector", "matchLabels").get("kubernetes.io/metadata.name").toString());
            }
        }
        return namespaces;
    }

    private static Set<String> cidrs(String service) {
        Set<String> cidrs = new TreeSet<>();
        for (Map<String, Object> peer : peers(maps(policy(service).get("egress")))) {
            if (peer.containsKey("ipBlock")) {
                cidrs.add(map(peer, "ipBlock").get("cidr").toString());
            }
        }
        return cidrs;
    }
}

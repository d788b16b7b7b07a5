package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.map;
import static io.scrapline.k8s.Charts.maps;
import static io.scrapline.k8s.Charts.render;
import static io.scrapline.k8s.Charts.resource;
import static io.scrapline.k8s.Charts.resourceName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests quarkus-kubernetes writes at a service's {@code package} ({@code target/kubernetes/kubernetes.yml})
 * agree with what the chart deploys, field by field where both set one, so there is one description of a service's
 * deployment, not two that drift apart.
 * <p>
 * The file exists only after the service was packaged. In a full build ({@code ./mvnw verify}) the reactor packages the
 * services before this module (k8s comes after them in the root pom). When the file is missing or older than the
 * service's application.properties (e.g. {@code -pl k8s} alone), the comparison is skipped with the command that makes
 * it; with {@code -Dscrapline.chart.requireGeneratedManifests=true} (as CI runs it) it fails instead.
 */
class GeneratedManifestsTest {

    private static final Path SERVICES_ROOT = Path.of("..");
    private static final String REQUIRE = "scrapline.chart.requireGeneratedManifests";
    /** Set by Quarkus in every generated Deployment; the services do not read it. */
    private static final String QUARKUS_ADDED_ENV = "KUBERNETES_NAMESPACE";
    private static final List<String> PROBES = List.of("startupProbe", "readinessProbe", "livenessProbe");
    private static final List<String> PROBE_TIMINGS = List.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds",
            "failureThreshold", "successThreshold");

    private static List<Map<String, Object>> chart;

    @BeforeAll
    static void renderWithOnlyTheRequiredValues() {
        // Optional values the test values set (an egress allow-list, SMTP credentials, extra env) add env the
        // generated manifests need not name.
        chart = render(template -> template.set("egress.allow", "null").set("mail.existingSecret", "")
                .set("reportingService.extraEnv", "null"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "costing-service", "reporting-service", "alert-service" })
    void generatedManifestsAgreeWithTheChart(String service) {
        List<Map<String, Object>> generated = generated(service);
        Map<String, Object> generatedPod = podSpec(resource(generated, "Deployment", service));
        Map<String, Object> chartPod = podSpec(resource(chart, "Deployment", resourceName(service)));
        Map<String, Object> generatedContainer = maps(generatedPod.get("containers")).get(0);
        Map<String, Object> chartContainer = maps(chartPod.get("containers")).get(0);

        assertThat(generated).as("kinds generated for %s", service).extracting(manifest -> manifest.get("kind"))
                .containsOnly("Deployment", "Service");
        assertThat(generatedPod).as("init containers (a Flyway init Job's wait)").doesNotContainKey("initContainers");
        for (String field : List.of("image", "imagePullPolicy", "resources")) {
            assertThat(generatedContainer.get(field)).as("%s %s", service, field).isEqualTo(chartContainer.get(field));
        }
        assertThat(portNumber(generatedContainer, "http")).isEqualTo(portNumber(chartContainer, "http"));
        assertThat(portNumber(generatedContainer, "management")).as("%s management port", service)
                .isEqualTo(portNumber(chartContainer, "management"));
        for (String probe : PROBES) {
            Map<String, Object> generatedProbe = map(generatedContainer, probe);
            Map<String, Object> chartProbe = map(chartContainer, probe);
            assertThat(map(generatedProbe, "httpGet").get("path")).as("%s %s path", service, probe)
                    .isEqualTo(map(chartProbe, "httpGet").get("path"));
            assertThat(portNumber(generatedContainer, map(generatedProbe, "httpGet").get("port")))
                    .as("%s %s port", service, probe)
                    .isEqualTo(portNumber(chartContainer, map(chartProbe, "httpGet").get("port")));
            assertThat(common(generatedProbe, chartProbe, PROBE_TIMINGS)).as("%s %s timings", service, probe)
                    .isEqualTo(common(chartProbe, generatedProbe, PROBE_TIMINGS));
        }
        assertServicePorts(service, generated, generatedContainer, chartContainer);
        assertEnv(service, generatedContainer, chartContainer);
        assertThat(mounts(generatedContainer)).as("%s volume mounts", service).isEqualTo(mounts(chartContainer));
        Map<String, Object> generatedSecurity = map(generatedPod, "securityContext");
        Map<String, Object> chartSecurity = map(chartPod, "securityContext");
        assertThat(common(generatedSecurity, chartSecurity, List.copyOf(generatedSecurity.keySet())))
                .as("%s pod security context", service)
                .isEqualTo(common(chartSecurity, generatedSecurity, List.copyOf(generatedSecurity.keySet())));
        assertThat(secretModes(generatedPod)).as("%s secret volumes' modes", service).isEqualTo(secretModes(chartPod));
    }

    private static void assertServicePorts(String service, List<Map<String, Object>> generated,
            Map<String, Object> generatedContainer, Map<String, Object> chartContainer) {
        Map<String, Object> generatedPort = maps(map(resource(generated, "Service", service), "spec").get("ports"))
                .get(0);
        Map<String, Object> chartPort = maps(
                map(resource(chart, "Service", resourceName(service)), "spec").get("ports")).get(0);
        assertThat(generatedPort.get("port")).as("%s Service port", service).isEqualTo(chartPort.get("port"));
        assertThat(portNumber(generatedContainer, generatedPort.get("targetPort"))).as("%s targetPort", service)
                .isEqualTo(portNumber(chartContainer, chartPort.get("targetPort")));
    }

    /** The same variables, each from a Secret's key in both or a literal in both. */
    private static void assertEnv(String service, Map<String, Object> generatedContainer,
            Map<String, Object> chartContainer) {
        Map<String, Object> generatedEnv = new LinkedHashMap<>(Charts.env(generatedContainer));
        generatedEnv.remove(QUARKUS_ADDED_ENV);
        Map<String, Object> chartEnv = Charts.env(chartContainer);

        assertThat(new TreeSet<>(generatedEnv.keySet())).as("%s env names", service)
                .isEqualTo(new TreeSet<>(chartEnv.keySet()));
        generatedEnv.forEach((name, value) -> {
            if (value instanceof Map<?, ?>) {
                assertThat(map(value, "secretKeyRef").get("key")).as("%s %s secret key", service, name)
                        .isEqualTo(map(chartEnv.get(name), "secretKeyRef").get("key"));
            } else {
                assertThat(chartEnv.get(name)).as("%s %s is a literal in both", service, name)
                        .isNotInstanceOf(Map.class);
            }
        });
    }

    private static List<Map<String, Object>> generated(String service) {
        Path file = SERVICES_ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        Path properties = SERVICES_ROOT.resolve(service).resolve("src/main/resources/application.properties");
        boolean fresh = Files.isRegularFile(file) && modified(file) >= modified(properties);
        String message = String.format(
                "%s is %s: build it with ./mvnw package -pl platform,%s -DskipTests "
                        + "(a full ./mvnw verify does, before this module)",
                file.normalize(),
                Files.isRegularFile(file) ? "older than the service's application.properties" : "missing", service);
        if (!fresh && Boolean.getBoolean(REQUIRE)) {
            fail(message);
        }
        assumeTrue(fresh, message);
        List<Map<String, Object>> manifests = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    manifests.add(map(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(deployment, "spec", "template", "spec");
    }

    /** The entries of {@code source} under the keys both maps have. */
    private static Map<String, Object> common(Map<String, Object> source, Map<String, Object> other,
            List<String> keys) {
        Map<String, Object> common = new LinkedHashMap<>();
        for (String key : keys) {
            if (source.containsKey(key) && other.containsKey(key)) {
                common.put(key, source.get(key));
            }
        }
        return common;
    }

    /** A port given by number, or by the name of one of the container's ports. */
    private static int portNumber(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return maps(container.get("ports")).stream().filter(candidate -> port.equals(candidate.get("name")))
                .map(candidate -> (Integer) candidate.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port " + port));
    }

    private static Map<String, Boolean> mounts(Map<String, Object> container) {
        Map<String, Boolean> mounts = new LinkedHashMap<>();
        for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
            mounts.put(mount.get("mountPath").toString(), Boolean.TRUE.equals(mount.get("readOnly")));
        }
        return Map.copyOf(mounts);
    }

    private static Set<Object> secretModes(Map<String, Object> podSpec) {
        Set<Object> modes = new HashSet<>();
        for (Map<String, Object> volume : maps(podSpec.get("volumes"))) {
            if (volume.containsKey("secret")) {
                modes.add(map(volume, "secret").get("defaultMode"));
            }
        }
        return modes;
    }
}

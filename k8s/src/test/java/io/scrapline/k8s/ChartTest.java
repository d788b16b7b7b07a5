package io.scrapline.k8s;

import static io.scrapline.k8s.Charts.CHART;
import static io.scrapline.k8s.Charts.SERVICES;
import static io.scrapline.k8s.Charts.env;
import static io.scrapline.k8s.Charts.map;
import static io.scrapline.k8s.Charts.maps;
import static io.scrapline.k8s.Charts.render;
import static io.scrapline.k8s.Charts.resourceName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/**
 * Lints and renders the chart under {@code scrapline/} and checks the manifests, including that they still match what
 * the services read from their {@code application.properties}.
 */
class ChartTest {

    private static final Path SERVICES_ROOT = Path.of("..");

    private static final Map<String, Integer> PORTS = Map.of("ingest-service", 8081, "costing-service", 8082,
            "reporting-service", 8083, "alert-service", 8084);
    /** Quarkus' default quarkus.management.port, which every service keeps: health and metrics. */
    private static final int MANAGEMENT_PORT = 9000;

    private static final String DATABASE_SECRET = "scrapline-db";
    private static final String DATABASE_ADDRESS = "postgres.example.internal:5433/scrapline_test";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static List<Map<String, Object>> manifests;

    @BeforeAll
    static void renderWithTestValues() {
        manifests = render(UnaryOperator.identity());
    }

    @Test
    void lintFindsNoProblem() {
        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    }

    @Test
    void rendersOneDeploymentAndOneServicePerService() {
        Set<String> expected = SERVICES.stream().map(Charts::resourceName).collect(Collectors.toSet());

        assertThat(names("Deployment")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names("Service")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "costing-service", "reporting-service", "alert-service" })
    void exposesTheServicePortAndProbesTheHealthEndpointsOnTheManagementPort(String service) {
        int port = PORTS.get(service);
        Map<String, Object> container = container(service);

        assertThat(containerPort(container, "http")).isEqualTo(port);
        assertThat(containerPort(container, "management")).isEqualTo(MANAGEMENT_PORT);
        assertThat(probePath(container, "startupProbe")).isEqualTo("/q/health/started");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/q/health/ready");
        assertThat(probePath(container, "livenessProbe")).isEqualTo("/q/health/live");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(probePort(container, probe)).as(probe).isEqualTo(MANAGEMENT_PORT);
        }
        assertThat(serviceTargetPort(service)).isEqualTo(port);
        List<Map<String, Object>> servicePorts = maps(
                map(resource("Service", resourceName(service)), "spec").get("ports"));
        assertThat(servicePorts.get(0)).containsEntry("port", port);
        assertThat(servicePorts).anySatisfy(servicePort -> assertThat(servicePort).containsEntry("name", "management")
                .containsEntry("port", MANAGEMENT_PORT));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "costing-service", "reporting-service", "alert-service" })
    void annotatesPodsForPrometheusScraping(String service) {
        Map<String, Object> annotations = map(resource("Deployment", resourceName(service)), "spec", "template",
                "metadata", "annotations");

        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT));
    }

    @Test
    void serviceMonitorsScrapeTheManagementPort() {
        List<Map<String, Object>> monitored = render(
                template -> template.set("metrics.serviceMonitor.enabled", "true"));

        for (String service : SERVICES) {
            Map<String, Object> monitor = Charts.resource(monitored, "ServiceMonitor", resourceName(service));
            assertThat(maps(map(monitor, "spec").get("endpoints"))).singleElement()
                    .satisfies(endpoint -> assertThat(endpoint).containsEntry("port", "management")
                            .containsEntry("path", "/q/metrics"));
        }
    }

    @Test
    void everyWorkloadRunsLockedDown() {
        List<Map<String, Object>> podSpecs = new ArrayList<>();
        for (String service : SERVICES) {
            podSpecs.add(map(resource("Deployment", resourceName(service)), "spec", "template", "spec"));
        }
        podSpecs.add(map(resource("Job", resourceName("migration")), "spec", "template", "spec"));
        podSpecs.add(map(resource("Pod", resourceName("test")), "spec"));

        assertThat(podSpecs).hasSize(6);
        for (Map<String, Object> podSpec : podSpecs) {
            assertThat(map(podSpec, "securityContext")).containsEntry("runAsNonRoot", true);
            assertThat(map(podSpec, "securityContext", "seccompProfile")).containsEntry("type", "RuntimeDefault");
            for (Map<String, Object> container : maps(podSpec.get("containers"))) {
                Map<String, Object> securityContext = map(container, "securityContext");
                assertThat(securityContext).as(container.get("name").toString()).containsEntry("runAsNonRoot", true)
                        .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
                assertThat(map(securityContext, "capabilities").get("drop")).isEqualTo(List.of("ALL"));
                assertThat(map(securityContext, "seccompProfile")).containsEntry("type", "RuntimeDefault");
            }
        }
    }

    @Test
    void quarkusPodsGetAWritableTmp() {
        List<Map<String, Object>> podSpecs = new ArrayList<>();
        for (String service : SERVICES) {
            podSpecs.add(map(resource("Deployment", resourceName(service)), "spec", "template", "spec"));
        }
        podSpecs.add(map(resource("Job", resourceName("migration")), "spec", "template", "spec"));

        for (Map<String, Object> podSpec : podSpecs) {
            Map<String, Object> container = maps(podSpec.get("containers")).get(0);
            Map<String, Object> mount = maps(container.get("volumeMounts")).stream()
                    .filter(candidate -> "/tmp".equals(candidate.get("mountPath"))).findFirst()
                    .orElseThrow(() -> new AssertionError(container.get("name") + " mounts nothing at /tmp"));
            Map<String, Object> volume = maps(podSpec.get("volumes")).stream()
                    .filter(candidate -> mount.get("name").equals(candidate.get("name"))).findFirst().orElseThrow();
            assertThat(volume).containsKey("emptyDir");
        }
    }

    @Test
    void migrationJobIsAHookThatRunsTheIngestServiceImageAsTheTableOwner() {
        Map<String, Object> job = resource("Job", resourceName("migration"));
        Map<String, Object> container = maps(map(job, "spec", "template", "spec").get("containers")).get(0);
        Map<String, Object> env = env(container);

        assertThat(map(job, "metadata", "annotations")).containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded")
                .containsKey("helm.sh/hook-weight");
        assertThat(map(job, "spec", "template", "spec")).containsEntry("restartPolicy", "Never");
        assertThat(container.get("image")).isEqualTo(container("ingest-service").get("image"));
        assertThat(env).containsEntry("QUARKUS_INIT_AND_EXIT", "true")
                .containsEntry("QUARKUS_FLYWAY_MIGRATION_MIGRATE_AT_START", "true")
                .containsEntry("QUARKUS_DATASOURCE_MIGRATION_JDBC_URL", "jdbc:postgresql://" + DATABASE_ADDRESS)
                .containsEntry("QUARKUS_DATASOURCE_MIGRATION_USERNAME",
                        secretRef(DATABASE_SECRET, "migration-username"))
                .containsEntry("QUARKUS_DATASOURCE_MIGRATION_PASSWORD",
                        secretRef(DATABASE_SECRET, "migration-password"))
                .containsEntry("QUARKUS_FLYWAY_MIGRATION_PLACEHOLDERS_APP_ROLE", "scrapline_app")
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://id.example.com/.well-known/jwks.json")
                .containsEntry("MP_JWT_VERIFY_ISSUER", "https://id.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "costing-service", "reporting-service", "alert-service" })
    void everyServiceGetsTheDatabaseAndJwtSettings(String service) {
        Map<String, Object> env = env(container(service));

        assertThat(env).containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + DATABASE_ADDRESS)
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", secretRef(DATABASE_SECRET, "app-username"))
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", secretRef(DATABASE_SECRET, "app-password"))
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://id.example.com/.well-known/jwks.json")
                .containsEntry("MP_JWT_VERIFY_ISSUER", "https://id.example.com");
    }

    @Test
    void servicesFindEachOtherThroughTheirServices() {
        assertThat(env(container("ingest-service"))).containsEntry("QUARKUS_REST_CLIENT_COSTING_URL",
                "http://scrapline-costing-service:8082");
        assertThat(env(container("costing-service"))).containsEntry("QUARKUS_REST_CLIENT_ALERT_URL",
                "http://scrapline-alert-service:8084");
        assertThat(env(container("reporting-service"))).containsEntry("QUARKUS_REST_CLIENT_ALERT_URL",
                "http://scrapline-alert-service:8084");
        assertThat(env(container("alert-service"))).containsEntry("QUARKUS_REST_CLIENT_REPORTING_URL",
                "http://scrapline-reporting-service:8083");
    }

    @Test
    void ingestAlertServiceAndTheMigrationGetTheSecretsKeyRingAndTheEgressAllowList() {
        Map<String, Object> job = resource("Job", resourceName("migration"));
        Map<String, Object> migration = maps(map(job, "spec", "template", "spec").get("containers")).get(0);
        for (Map<String, Object> container : List.of(container("ingest-service"), container("alert-service"),
                migration)) {
            assertThat(env(container)).containsEntry("SCRAPLINE_SECRETS_KEYS", secretRef("scrapline-secrets", "keys"))
                    .containsEntry("SCRAPLINE_SECRETS_CURRENT_KEY", secretRef("scrapline-secrets", "current-key"))
                    .containsEntry("SCRAPLINE_EGRESS_ALLOW", "10.20.0.0/16,10.30.0.5/32:5432")
                    .doesNotContainKey("SCRAPLINE_EGRESS_DENY");
        }
        assertThat(env(container("costing-service"))).doesNotContainKey("SCRAPLINE_SECRETS_KEYS");
    }

    @Test
    void signersGetTheServicePrivateKeyAndVerifiersItsPublicKey() {
        Map<String, List<String>> keys = Map.of("ingest-service", List.of("private-key.pem"), "costing-service",
                List.of("private-key.pem", "public-key.pem"), "reporting-service",
                List.of("private-key.pem", "public-key.pem"), "alert-service",
                List.of("private-key.pem", "public-key.pem"));
        Map<String, String> secretKeys = Map.of("private-key.pem", "private-key.pem", "public-key.pem",
                "public-key.pem");
        Map<String, String> variables = Map.of("private-key.pem", "SCRAPLINE_SERVICE_IDENTITY_PRIVATE_KEY_LOCATION",
                "public-key.pem", "SCRAPLINE_SERVICE_IDENTITY_PUBLIC_KEY_LOCATION");
        Map<String, Object> job = resource("Job", resourceName("migration"));
        Map<String, Map<String, Object>> podSpecs = new LinkedHashMap<>();
        for (String service : keys.keySet()) {
            podSpecs.put(service, map(resource("Deployment", resourceName(service)), "spec", "template", "spec"));
        }
        podSpecs.put("migration", map(job, "spec", "template", "spec"));

        for (Map.Entry<String, Map<String, Object>> pod : podSpecs.entrySet()) {
            List<String> files = keys.get(pod.getKey().equals("migration") ? "ingest-service" : pod.getKey());
            Map<String, Object> container = maps(pod.getValue().get("containers")).get(0);
            Map<String, Object> volume = maps(pod.getValue().get("volumes")).stream()
                    .filter(candidate -> "service-identity".equals(candidate.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(pod.getKey() + " has no service-identity volume"));
            Map<String, Object> mount = maps(container.get("volumeMounts")).stream()
                    .filter(candidate -> "service-identity".equals(candidate.get("name"))).findFirst().orElseThrow();

            assertThat(map(volume, "secret")).containsEntry("secretName", "scrapline-service-identity")
                    .containsEntry("defaultMode", 0440);
            assertThat(maps(map(volume, "secret").get("items"))).as(pod.getKey()).containsExactlyElementsOf(files
                    .stream().map(file -> Map.<String, Object> of("key", secretKeys.get(file), "path", file)).toList());
            assertThat(mount).containsEntry("mountPath", "/etc/scrapline/service-identity").containsEntry("readOnly",
                    true);
            Map<String, Object> env = env(container);
            assertThat(env).as(pod.getKey()).containsEntry("SCRAPLINE_SERVICE_IDENTITY_ISSUER",
                    "urn:scrapline:services");
            for (String file : variables.keySet()) {
                if (files.contains(file)) {
                    assertThat(env).as(pod.getKey()).containsEntry(variables.get(file),
                            "/etc/scrapline/service-identity/" + file);
                } else {
                    assertThat(env).as(pod.getKey()).doesNotContainKey(variables.get(file));
                }
            }
        }
    }

    @Test
    void theServiceIssuerMayNotBeTheUsersIssuer() {
        assertThatThrownBy(() -> render(template -> template.set("serviceIdentity.issuer", "https://id.example.com")))
                .hasMessageContaining("serviceIdentity.issuer must differ from jwt.issuer");
    }

    @Test
    void alertServiceGetsTheMailSettings() {
        assertThat(env(container("alert-service")))
                .containsEntry("SCRAPLINE_ALERT_PUBLIC_BASE_URL", "https://scrapline.example.com")
                .containsEntry("QUARKUS_MAILER_HOST", "smtp.example.com").containsEntry("QUARKUS_MAILER_PORT", "2525")
                .containsEntry("QUARKUS_MAILER_FROM", "alerts@example.com")
                .containsEntry("QUARKUS_MAILER_USERNAME", secretRef("scrapline-smtp", "username"))
                .containsEntry("QUARKUS_MAILER_PASSWORD", secretRef("scrapline-smtp", "password"));
    }

    @Test
    void extraEnvIsAppended() {
        assertThat(env(container("reporting-service"))).containsEntry("QUARKUS_LOG_LEVEL", "DEBUG");
        assertThat(env(container("ingest-service"))).doesNotContainKey("QUARKUS_LOG_LEVEL");
    }

    @Test
    void chartTestAsksEveryServiceForItsDocumentThroughItsApiPort() {
        Map<String, Object> pod = resource("Pod", resourceName("test"));
        String command = maps(map(pod, "spec").get("containers")).get(0).get("command").toString();

        assertThat(map(pod, "metadata", "annotations")).containsEntry("helm.sh/hook", "test");
        for (String service : SERVICES) {
            assertThat(command).contains("http://" + resourceName(service) + ":" + PORTS.get(service) + "/q/openapi");
        }
    }

    @Test
    void imagesArePinnedNeverLatest() {
        List<String> images = manifests.stream().flatMap(ChartTest::containers)
                .map(container -> container.get("image").toString()).toList();

        assertThat(images).hasSize(6)
                .allSatisfy(image -> assertThat(image).doesNotEndWith(":latest").containsPattern("[:@]"))
                .contains("ghcr.io/scrapline/ingest-service:" + ChartVersionTest.projectVersion());
        assertThatThrownBy(() -> render(template -> template.set("costingService.image.tag", "latest")))
                .hasMessageMatching("(?s).*(costingService/image/tag|\"latest\" is not allowed).*");
    }

    @ParameterizedTest
    @ValueSource(strings = { "jwt.issuer", "jwt.publicKeyLocation", "database.host", "database.existingSecret",
            "secrets.existingSecret", "serviceIdentity.existingSecret" })
    void renderingWithoutARequiredValueFails(String key) {
        assertThatThrownBy(() -> render(template -> template.set(key, ""))).hasMessageContaining(key);
    }

    @Test
    void autoscalingAndDisruptionBudgetAreOptIn() {
        List<Map<String, Object>> scaled = render(template -> template.set("ingestService.autoscaling.enabled", true)
                .set("ingestService.autoscaling.minReplicas", 3).set("ingestService.autoscaling.maxReplicas", 12)
                .set("ingestService.pdb.enabled", true));
        String name = resourceName("ingest-service");
        Map<String, Object> hpa = Charts.resource(scaled, "HorizontalPodAutoscaler", name);
        Map<String, Object> pdb = Charts.resource(scaled, "PodDisruptionBudget", name);
        Map<String, Object> deployment = Charts.resource(scaled, "Deployment", name);

        assertThat(hpa).containsEntry("apiVersion", "autoscaling/v2");
        assertThat(map(hpa, "spec", "scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name", name);
        assertThat(map(hpa, "spec")).containsEntry("minReplicas", 3).containsEntry("maxReplicas", 12);
        assertThat(pdb).containsEntry("apiVersion", "policy/v1");
        assertThat(map(pdb, "spec")).containsEntry("minAvailable", 1);
        assertThat(map(pdb, "spec", "selector", "matchLabels"))
                .isEqualTo(map(deployment, "spec", "selector", "matchLabels"));
        assertThat(map(deployment, "spec")).doesNotContainKey("replicas");
        assertThat(Charts.names(scaled, "HorizontalPodAutoscaler")).containsExactly(name);
        assertThat(Charts.names(scaled, "PodDisruptionBudget")).containsExactly(name);
        assertThat(Charts.names(manifests, "HorizontalPodAutoscaler")).isEmpty();
        assertThat(Charts.names(manifests, "PodDisruptionBudget")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "costing-service", "reporting-service", "alert-service" })
    void chartMatchesWhatTheServiceReads(String service) {
        Properties properties = applicationProperties(service);
        int port = httpPort(service, properties);
        Map<String, Object> container = container(service);

        assertThat(containerPort(container, "http")).as("%s containerPort vs quarkus.http.port", service)
                .isEqualTo(port);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(probePort(container, probe)).as("%s %s port vs quarkus.management.port", service, probe)
                    .isEqualTo(Integer.parseInt(
                            properties.getProperty("quarkus.management.port", String.valueOf(MANAGEMENT_PORT))));
        }
        assertThat(serviceTargetPort(service)).as("%s Service targetPort vs quarkus.http.port", service)
                .isEqualTo(port);
        assertThat(env(container)).as("env of the %s container", service)
                .containsKeys(requiredProductionEnv(properties).toArray(String[]::new));
    }

    @Test
    void migrationJobGetsEverythingTheIngestServiceNeedsToStart() {
        Set<String> required = requiredProductionEnv(applicationProperties("ingest-service"));
        Map<String, Object> job = resource("Job", resourceName("migration"));
        Map<String, Object> container = maps(map(job, "spec", "template", "spec").get("containers")).get(0);

        assertThat(env(container)).containsKeys(required.toArray(String[]::new));
    }

    private static Properties applicationProperties(String service) {
        Path file = SERVICES_ROOT.resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            fail("%s is missing: the chart is checked against the port and the %%prod. environment placeholders "
                    + "the %s reads from it", file.toAbsolutePath().normalize(), service);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static int httpPort(String service, Properties properties) {
        String port = properties.getProperty("quarkus.http.port");
        if (port == null || !port.strip().matches("\\d+")) {
            fail("%s/src/main/resources/application.properties must set quarkus.http.port to a number, found %s",
                    service, port);
        }
        return Integer.parseInt(port.strip());
    }

    /** Names of the environment variables the prod profile reads without a default. */
    private static Set<String> requiredProductionEnv(Properties properties) {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                names.addAll(placeholdersWithoutDefault(properties.getProperty(key)));
            }
        }
        return names;
    }

    /**
     * The outermost {@code ${NAME}} expressions without a {@code :default}. Lower-case dotted names refer to other
     * properties, not to the environment, so only environment-style names count.
     */
    private static Set<String> placeholdersWithoutDefault(String value) {
        Set<String> names = new TreeSet<>();
        int start = value.indexOf("${");
        while (start >= 0) {
            int depth = 0;
            int end = start;
            for (int i = start; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (value.charAt(i) == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            if (end == start) {
                break;
            }
            String expression = value.substring(start + 2, end);
            if (!expression.contains(":") && ENV_NAME.matcher(expression).matches()) {
                names.add(expression);
            }
            start = value.indexOf("${", end);
        }
        return names;
    }

    private static Map<String, Object> container(String service) {
        Map<String, Object> podSpec = map(resource("Deployment", resourceName(service)), "spec", "template", "spec");
        return maps(podSpec.get("containers")).stream().filter(container -> service.equals(container.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + service));
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return maps(container.get("ports")).stream().filter(port -> name.equals(port.get("name")))
                .map(port -> (Integer) port.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return map(container, probe, "httpGet").get("path").toString();
    }

    private static int probePort(Map<String, Object> container, String probe) {
        return portNumber(container, map(container, probe, "httpGet").get("port"));
    }

    private static int serviceTargetPort(String service) {
        Map<String, Object> port = maps(map(resource("Service", resourceName(service)), "spec").get("ports")).get(0);
        return portNumber(container(service), port.get("targetPort"));
    }

    /** Resolves a port given by name, as probes and Services may refer to it, to the container's number. */
    private static int portNumber(Map<String, Object> container, Object port) {
        return port instanceof Integer number ? number : containerPort(container, port.toString());
    }

    private static Map<String, Object> secretRef(String secret, String key) {
        return Map.of("secretKeyRef", Map.of("name", secret, "key", key));
    }

    private static Stream<Map<String, Object>> containers(Map<String, Object> resource) {
        Map<String, Object> podSpec = switch (resource.get("kind").toString()) {
            case "Deployment", "Job" -> map(resource, "spec", "template", "spec");
            case "Pod" -> map(resource, "spec");
            default -> Map.of();
        };
        return podSpec.containsKey("containers") ? maps(podSpec.get("containers")).stream() : Stream.empty();
    }

    private static Map<String, Object> resource(String kind, String name) {
        return Charts.resource(manifests, kind, name);
    }

    private static List<String> names(String kind) {
        return Charts.names(manifests, kind);
    }
}

package io.scrapline.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Ports for a packaged service under test ({@code @QuarkusIntegrationTest}, with {@code restrictToAnnotatedClass}): its
 * API and its management interface each on a free port, and the test's {@link PackagedService} field pointed at them.
 * The database comes from {@link EmbeddedPostgresResource}, as for the {@code @QuarkusTest}s.
 * <p>
 * Both ports are fixed before the start: the process reports only its API port, and the Micrometer binder refuses a
 * second HTTP server whose port tag differs in kind from the first's (a port 0 has no tag).
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    /** Where the service under test serves its API and its management interface (health, metrics). */
    public record PackagedService(URI api, URI management) {

        /**
         * The service is ready and has metrics on its management interface, which the API port does not serve, while
         * the API port serves the OpenAPI document titled {@code <name> API}.
         */
        public void assertManagementApartFromTheApi(String name) {
            HttpResponse<String> ready = get(management.resolve("/q/health/ready"));
            assertThat(ready.statusCode()).as("readiness on the management port").isEqualTo(200);
            assertThat(json(ready).path("status").asText()).isEqualTo("UP");
            HttpResponse<String> metrics = get(management.resolve("/q/metrics"));
            assertThat(metrics.statusCode()).as("metrics on the management port").isEqualTo(200);
            assertThat(metrics.body()).contains("http_server_requests");
            assertThat(get(api.resolve("/q/health/ready")).statusCode()).as("health on the API port").isEqualTo(404);
            assertThat(get(api.resolve("/q/metrics")).statusCode()).as("metrics on the API port").isEqualTo(404);
            HttpResponse<String> document = get(api.resolve("/q/openapi?format=json"));
            assertThat(document.statusCode()).as("OpenAPI document on the API port").isEqualTo(200);
            assertThat(json(document).path("info").path("title").asText()).isEqualTo(name + " API");
        }

        private static HttpResponse<String> get(URI uri) {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static JsonNode json(HttpResponse<String> response) {
            try {
                return new ObjectMapper().readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private int apiPort;
    private int managementPort;

    @Override
    public Map<String, String> start() {
        apiPort = freePort();
        managementPort = freePort();
        return Map.of("quarkus.http.port", String.valueOf(apiPort), "quarkus.management.port",
                String.valueOf(managementPort));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                new PackagedService(URI.create("http://localhost:" + apiPort),
                        URI.create("http://localhost:" + managementPort)),
                new TestInjector.MatchesType(PackagedService.class));
    }

    @Override
    public void stop() {
        // nothing runs here: the ports were only chosen
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

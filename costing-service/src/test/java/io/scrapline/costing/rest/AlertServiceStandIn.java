package io.scrapline.costing.rest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A real HTTP server (the JDK's) standing in for alert-service, where costing sends its prompts: it answers each as
 * alert-service would and keeps what it was sent, with what the test's probe saw in the database at that moment (so a
 * test can tell a prompt sent before the commit from one sent after). On a free port, so that tests of other modules
 * running at the same time do not clash. Only JDK types cross to the test, which has a class loader of its own.
 */
public class AlertServiceStandIn implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@code ConcurrentLinkedQueue<Map<String, Object>>} of prompts received. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Prompts {
    }

    /**
     * Marks the test's {@code AtomicReference<Function<String, Long>>}: a probe of the database, run for the tenant of
     * each prompt as it arrives, before it is answered.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Probe {
    }

    /** The profile that starts the stand-in, points costing's alert client at it, and leaves costing to the test. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scrapline.costing.sweep-every", "off");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AlertServiceStandIn.class));
        }
    }

    private final ConcurrentLinkedQueue<Map<String, Object>> prompts = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Function<String, Long>> probe = new AtomicReference<>(tenant -> null);
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        return Map.of("quarkus.rest-client.alert.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Keeps the prompt (path, bearer token's claims, body, what the probe saw) and answers 200. */
    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode claims = authorization == null ? json.createObjectNode()
                    : json.readTree(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]));
            Map<String, Object> prompt = new LinkedHashMap<>();
            prompt.put("path", exchange.getRequestURI().getPath());
            prompt.put("claims", claims.toString());
            prompt.put("tenant", claims.path("tenant").asText());
            prompt.put("body", text);
            prompt.put("seen", probe.get().apply(claims.path("tenant").asText()));
            prompts.add(prompt);
        }
        byte[] answer = "{\"queued\": 0, \"opened\": 0}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(prompts,
                new TestInjector.AnnotatedAndMatchesType(Prompts.class, ConcurrentLinkedQueue.class));
        injector.injectIntoFields(probe, new TestInjector.AnnotatedAndMatchesType(Probe.class, AtomicReference.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

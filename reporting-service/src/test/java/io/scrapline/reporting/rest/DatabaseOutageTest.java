package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.platform.testing.TestTokens;

/**
 * The fault review of issue 10: while the database is down, requests answered 500 with an opaque body. Here the
 * service's database is a port nobody listens on: every request that needs it answers 503 problem+json with
 * {@code Retry-After}, and readiness is DOWN.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.DatabaseDown.class)
class DatabaseOutageTest {

    /** Readiness, on the management interface (the path is under its root, /q). */
    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    /** The datasource points at a closed port; no migrations, no embedded database. */
    public static class DatabaseDown implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ClosedPort.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The settings of a database nobody listens for, and the test tokens (as EmbeddedPostgresResource gives them). */
    public static class ClosedPort implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new LinkedHashMap<>(TestTokens.get().quarkusConfig());
            config.put("quarkus.datasource.reactive.url", "postgresql://localhost:1/scrapline");
            config.put("quarkus.datasource.username", "scrapline_app");
            config.put("quarkus.datasource.password", "scrapline-local");
            config.put("quarkus.datasource.migration.jdbc.url", "jdbc:postgresql://localhost:1/scrapline");
            config.put("quarkus.datasource.migration.username", "postgres");
            config.put("quarkus.flyway.migration.migrate-at-start", "false");
            return config;
        }

        @Override
        public void stop() {
        }
    }

    private final String controller = TestTokens.get().token("acme", "controller");

    @Test
    void aReportAnswers503WithRetryAfter() {
        given().auth().oauth2(controller).get("/api/v1/reports/DAY1/2026-10").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", equalTo("5"))
                .body("status", equalTo(503)).body("type", equalTo("https://scrapline.io/problems/unavailable"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aWriteAnswers503WithRetryAfter() {
        given().auth().oauth2(controller).post("/api/v1/periods/DAY1/2026-10/close").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", equalTo("5"));
    }

    @Test
    void aListAnswers503WithRetryAfter() {
        given().auth().oauth2(controller).get("/api/v1/budgets").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", equalTo("5"));
    }

    @Test
    void readinessIsDown() {
        given().get(ready).then().statusCode(503).body("status", equalTo("DOWN"));
    }
}

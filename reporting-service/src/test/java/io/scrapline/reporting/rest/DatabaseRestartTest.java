package io.scrapline.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
import io.scrapline.platform.testing.EmbeddedDatabase;
import io.scrapline.platform.testing.TestTokens;

/**
 * The fault review of issue 10, with a database that goes away under a running service: the service's pooled
 * connections are cut by the server's shutdown, and the requests after it answer 503 problem+json with
 * {@code Retry-After}, as does readiness, instead of 500.
 */
@QuarkusTest
@TestProfile(DatabaseRestartTest.OwnDatabase.class)
class DatabaseRestartTest {

    /** Readiness, on the management interface (the path is under its root, /q). */
    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    /** A database of this test's own, which the test stops. */
    public static class OwnDatabase implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableDatabase.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** An embedded PostgreSQL that the test can stop while the service runs. */
    public static class StoppableDatabase implements QuarkusTestResourceLifecycleManager {

        static EmbeddedDatabase database;

        @Override
        public Map<String, String> start() {
            database = EmbeddedDatabase.start();
            Map<String, String> config = new LinkedHashMap<>(TestTokens.get().quarkusConfig());
            config.putAll(database.quarkusConfig());
            return config;
        }

        @Override
        public void stop() {
            if (database != null) {
                database.close();
                database = null;
            }
        }
    }

    @Test
    void whenTheDatabaseStopsRequestsAnswer503AndReadinessIsDown() {
        String controller = TestTokens.get().token("acme", "controller");
        given().auth().oauth2(controller).get("/api/v1/budgets").then().statusCode(200);
        given().get(ready).then().statusCode(200);

        StoppableDatabase.database.close();
        StoppableDatabase.database = null;

        for (int request = 0; request < 5; request++) {
            given().auth().oauth2(controller).get("/api/v1/budgets").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", equalTo("5"))
                    .body("type", equalTo("https://scrapline.io/problems/unavailable"));
        }
        given().get(ready).then().statusCode(503).body("status", equalTo("DOWN"));
    }
}

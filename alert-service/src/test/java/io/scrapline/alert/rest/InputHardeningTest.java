package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/** Finding 4 of issue 10 at alerts: thresholds, names and bodies over the limits are refused as problems. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InputHardeningTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI base;

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;

    @BeforeEach
    void newTenantWithAPlantAndAnAudience() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        TestTenants.createWithPlant(db, tenant, "DAY1");
        put("/api/v1/audiences/quality",
                Map.of("members", List.of(Map.of("name", "Dana Ortiz", "role", "quality", "email", "d@example.com"))))
                        .statusCode(204);
    }

    /** Issue 10, item 1: a webhook is something a tenant points the platform at, so it passes the egress policy. */
    @Test
    void aMembersWebhookToAnInternalAddressIsRefusedNamingTheRow() {
        List<String> internal = List.of("http://127.0.0.1:8082/api/v1/plants", "http://localhost/", "http://[::1]/",
                "http://2130706433/", "http://0.0.0.0/", "http://169.254.169.254/latest/meta-data/",
                "https://10.0.0.5/hook");
        for (String url : internal) {
            put("/api/v1/audiences/ops",
                    Map.of("members",
                            List.of(Map.of("role", "quality", "email", "q@example.com"),
                                    Map.of("role", "supervisor", "email", "s@example.com", "webhook_url", url))))
                                            .statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(2))
                                            .body("errors[0].field", equalTo("webhook_url"));
        }
        put("/api/v1/audiences/ops", Map.of("members",
                List.of(Map.of("role", "quality", "email", "q@example.com", "webhook_url", "ftp://example.com/x"))))
                        .statusCode(422).body("errors[0].message", equalTo("must be an http or https URL"));
        assertThat(count("SELECT count(*) FROM audiences WHERE audience_id = 'ops'")).isZero();

        // An allowed webhook is stored, and the answer shows the signing secret the platform made for it.
        put("/api/v1/audiences/ops", Map.of("members",
                List.of(Map.of("role", "quality", "email", "q@example.com", "webhook_url", "http://127.0.0.2:9/hook"))))
                        .statusCode(200).body("webhook_secrets[0].row", equalTo(1))
                        .body("webhook_secrets[0].secret", startsWith("whsec_"));
    }

    @Test
    void aThresholdOf1e400IsRefusedNotStored() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"plant\": \"DAY1\", \"defect_code\": \"MACH-DIM\", \"metric\": \"cost\", \"window\": "
                        + "\"period\", \"threshold\": 1e400, \"audience\": \"quality\"}")
                .put("/api/v1/alert-rules/mach-dim").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("threshold"));
        assertThat(count("SELECT count(*) FROM alert_rules")).isZero();
    }

    @Test
    void ruleAndAudienceNamesFollowTheCodePattern() {
        put("/api/v1/audiences/" + "a".repeat(200),
                Map.of("members", List.of(Map.of("name", "Dana Ortiz", "role", "quality", "email", "d@example.com"))))
                        .statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("audience"));
        put("/api/v1/alert-rules/mach%20dim",
                Map.of("plant", "DAY1", "defect_code", "MACH-DIM", "metric", "cost", "window", "period", "threshold",
                        "5", "audience", "quality")).statusCode(422).contentType(PROBLEM).body("errors[0].field",
                                equalTo("rule"));
        put("/api/v1/audiences/night",
                Map.of("members",
                        List.of(Map.of("name", "N".repeat(1_000_000), "role", "quality", "email", "d@example.com"))))
                                .statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(1))
                                .body("errors[0].field", equalTo("name"));
        assertThat(count("SELECT count(*) FROM audiences")).isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitIsAProblem() throws IOException {
        // Only the head is sent: the answer comes from the declared length, before any of the body is read.
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("PUT /api/v1/audiences/quality HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + admin + "\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int read; !answer.toString().endsWith("}") && (read = socket.getInputStream().read(buffer)) > 0;) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"status\":413");
        }
    }

    private ValidatableResponse put(String path, Object body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }
}

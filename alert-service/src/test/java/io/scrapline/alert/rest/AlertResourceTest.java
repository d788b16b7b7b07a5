package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.job.ClusterLease;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rules, audiences and the alert log, with the email going to a GreenMail SMTP server. The alert sweep runs every 2 s
 * in the test profile; where a test needs to know who evaluates first, it holds the sweep's cluster lease, as another
 * replica running the sweep would.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(AlertResourceTest.GreenMailSmtp.class)
class AlertResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DANA = "dana.ortiz@example.com";
    private static final String LEE = "lee.chen@example.com";

    /** One SMTP server for the class, emptied before each test; the mailer's pooled connections stay valid. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Inject
    TenantDb db;

    @Inject
    ClusterLease leases;

    private String tenant;
    private String admin;

    @BeforeEach
    void newTenantWithAPlantAndAnEmptyMailbox() throws FolderException {
        mail.purgeEmailFromAllMailboxes();
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
        inTenant(tenant,
                connection -> run(connection, "INSERT INTO tenants (tenant_id) VALUES (current_tenant())").chain(
                        () -> run(connection, "INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) "
                                + "VALUES (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York')")));
    }

    @Test
    void storesAudiencesAndRules() {
        putAudience("quality").statusCode(204);
        put(admin, "/api/v1/alert-rules/mach-dim", rule("DAY1", "MACH-DIM", "cost", "period", "500.00", "quality"))
                .statusCode(204);
        // Quality engineers keep their own rules; a second PUT replaces the rule.
        put(TestTokens.get().token(tenant, "quality"), "/api/v1/alert-rules/mach-dim",
                rule("DAY1", "MACH-DIM", "cost", "period", "750.00", "quality")).statusCode(204);

        assertThat(count("SELECT count(*) FROM audiences WHERE jsonb_array_length(members) = 2")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM alert_rules WHERE threshold = 750.00 AND enabled")).isEqualTo(1);
    }

    @Test
    void theFirstAudienceOfANewTenantRegistersTheTenant() {
        String newTenant = "t-" + UUID.randomUUID();
        put(TestTokens.get().token(newTenant, "admin"), "/api/v1/audiences/quality", audience()).statusCode(204);
        assertThat(count(newTenant, "SELECT count(*) FROM tenants")).isEqualTo(1);
    }

    @Test
    void aRuleNamingAnUnknownPlantOrAudienceIsRefusedNamingEachField() {
        put(admin, "/api/v1/alert-rules/nope", rule("NOPE", "MACH-DIM", "cost", "period", "500.00", "nobody"))
                .statusCode(422).contentType(PROBLEM).body("errors.field", equalTo(List.of("plant", "audience")))
                .body("errors[0].message", equalTo("no plant NOPE"))
                .body("errors[1].message", equalTo("no audience nobody"));

        putAudience("quality").statusCode(204);
        put(admin, "/api/v1/alert-rules/nope", rule("NOPE", "MACH-DIM", "cost", "period", "500.00", "quality"))
                .statusCode(422).body("errors.field", equalTo(List.of("plant")));
        assertThat(count("SELECT count(*) FROM alert_rules")).isZero();
    }

    @Test
    void unknownMetricsWindowsAndThresholdsAreRefused() {
        putAudience("quality").statusCode(204);
        put(admin, "/api/v1/alert-rules/qty", rule("DAY1", "MACH-DIM", "money", "period", "500.00", "quality"))
                .statusCode(422).contentType(PROBLEM).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("metric"))
                .body("errors[0].message", equalTo("must be cost, quantity or events"));
        put(admin, "/api/v1/alert-rules/qty", rule("DAY1", "MACH-DIM", "cost", "week", "0", "quality")).statusCode(422)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("threshold", "window")));
        assertThat(count("SELECT count(*) FROM alert_rules")).isZero();
    }

    @Test
    void anAudienceMemberWithoutAValidEmailIsNamedWithItsRow() {
        put(admin, "/api/v1/audiences/quality",
                Map.of("members",
                        List.of(Map.of("name", "Dana Ortiz", "role", "quality", "email", DANA),
                                Map.of("name", "Lee Chen", "role", "supervisor", "email", "not an address"))))
                                        .statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(2))
                                        .body("errors[0].field", equalTo("email"));
        put(admin, "/api/v1/audiences/quality", Map.of("members", List.of())).statusCode(422).body("errors[0].field",
                equalTo("members"));
        assertThat(count("SELECT count(*) FROM audiences")).isZero();
    }

    @Test
    void aRuleOverItsThresholdEmailsEachRecipientOnceWhoeverEvaluates() throws MessagingException {
        putAudience("quality").statusCode(204);
        insertEvent("MACH-DIM", "A", "655.20");
        insertEvent("MACH-DIM", "B", "218.40");

        try (SweepHold hold = holdTheSweep()) {
            put(admin, "/api/v1/alert-rules/mach-dim", rule("DAY1", "MACH-DIM", "cost", "period", "500.00", "quality"))
                    .statusCode(204);

            evaluate("DAY1", "2026-10", "MACH-DIM").statusCode(200).body("sent", equalTo(1));
            assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
            assertThat(received(DANA)).hasSize(1);
            assertThat(received(LEE)).hasSize(1);
            MimeMessage message = received(DANA).get(0);
            assertThat(message.getSubject())
                    .isEqualTo("[Scrapline] WARNING DAY1 MACH-DIM: cost 873.60 USD over 500.00 USD");
            // One delivery per recipient and channel: each recipient gets a message of their own.
            assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(DANA);

            awaitStatus("sent");
            given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(200).body("", hasSize(1))
                    .body("[0].rule", equalTo("mach-dim")).body("[0].status", equalTo("sent"))
                    .body("[0].value", equalTo("873.60")).body("[0].threshold", equalTo("500.00"))
                    .body("[0].currency", equalTo("USD")).body("[0].recipients", equalTo(List.of(DANA, LEE)))
                    .body("[0].attempts", equalTo(1));

            // The rule has had its alert for the period: a second prompt sends nothing.
            evaluate("DAY1", "2026-10", "MACH-DIM").statusCode(200).body("sent", equalTo(0));

            // A second rule that no prompt will tell about, for the sweep to find in the period of now.
            put(admin, "/api/v1/alert-rules/weld-por", rule("DAY1", "WELD-POR", "cost", "period", "50.00", "quality"))
                    .statusCode(204);
            CostedEvents.event("WELD-POR", "100.00", Instant.now().minusSeconds(60)).insert(db, tenant);
        }

        // The sweep found the second rule's breach; it sent nothing more for the first.
        SweepHold.awaitTrue(() -> received(DANA).size() == 2 && received(LEE).size() == 2);
        assertThat(subjects(DANA)).filteredOn(subject -> subject.contains("MACH-DIM")).hasSize(1);
        assertThat(subjects(DANA)).filteredOn(subject -> subject.contains("WELD-POR")).hasSize(1);
        // The log is marked sent once the SMTP server has answered, a moment after the message arrived there.
        SweepHold.awaitTrue(() -> count("SELECT count(*) FROM alert_log WHERE status = 'sent'") == 2);
        assertThat(count("SELECT count(*) FROM alert_log WHERE rule_id = 'mach-dim' AND attempts = 1")).isEqualTo(1);
    }

    @Test
    void aRuleUnderItsThresholdSendsNothing() {
        putAudience("quality").statusCode(204);
        insertEvent("MACH-DIM", "A", "499.99");
        put(admin, "/api/v1/alert-rules/mach-dim", rule("DAY1", "MACH-DIM", "cost", "period", "500.00", "quality"))
                .statusCode(204);

        evaluate("DAY1", "2026-10", "MACH-DIM").statusCode(200).body("sent", equalTo(0));
        given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(200).body("", hasSize(0));
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anAlertIsListedByStatusAndAcknowledged() {
        long id = fireAnAlert();

        given().auth().oauth2(admin).queryParam("status", "sent").get("/api/v1/alerts").then().statusCode(200)
                .body("id", equalTo(List.of((int) id)));
        given().auth().oauth2(admin).queryParam("status", "acknowledged").get("/api/v1/alerts").then().statusCode(200)
                .body("", hasSize(0));

        String supervisor = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "supervisor");
        acknowledge(supervisor, id).statusCode(204);

        given().auth().oauth2(TestTokens.get().token(tenant, "quality")).get("/api/v1/alerts").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("acknowledged"));
        acknowledge(admin, id + 1000).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anotherTenantSeesNoAlertsAndCannotAcknowledgeThem() {
        long id = fireAnAlert();

        String other = TestTokens.get().token("t-" + UUID.randomUUID(), "admin");
        given().auth().oauth2(other).get("/api/v1/alerts").then().statusCode(200).body("", hasSize(0));
        acknowledge(other, id).statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        // Nor can it point a rule at this tenant's plant and audience: they do not exist for it.
        put(other, "/api/v1/alert-rules/mach-dim", rule("DAY1", "MACH-DIM", "cost", "period", "1.00", "quality"))
                .statusCode(422).body("errors.field", equalTo(List.of("plant", "audience")));

        given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(200).body("[0].status", equalTo("sent"));
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        given().get("/api/v1/alerts").then().statusCode(401);
        given().contentType(ContentType.JSON).post("/api/v1/alerts/1/acknowledge").then().statusCode(401);
        given().contentType(ContentType.JSON).body(audience()).put("/api/v1/audiences/quality").then().statusCode(401);

        String controller = TestTokens.get().token(tenant, "controller");
        String quality = TestTokens.get().token(tenant, "quality");
        String ingest = TestTokens.get().token(tenant, "ingest");
        put(quality, "/api/v1/audiences/quality", audience()).statusCode(403).contentType(PROBLEM);
        put(controller, "/api/v1/alert-rules/mach-dim", rule("DAY1", "MACH-DIM", "cost", "period", "500.00", "quality"))
                .statusCode(403);
        given().auth().oauth2(ingest).get("/api/v1/alerts").then().statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "supervisor")).get("/api/v1/alerts").then()
                .statusCode(403);
        given().auth().oauth2(controller).contentType(ContentType.JSON)
                .body(Map.of("plant", "DAY1", "period", "2026-10", "defect_codes", List.of("MACH-DIM")))
                .post("/api/v1/alerts/evaluations").then().statusCode(403);
        assertThat(count("SELECT count(*) FROM audiences")).isZero();
    }

    /** Sets up a rule over its threshold and evaluates it; the alert's id. */
    private long fireAnAlert() {
        putAudience("quality").statusCode(204);
        insertEvent("MACH-DIM", "A", "655.20");
        try (SweepHold hold = holdTheSweep()) {
            put(admin, "/api/v1/alert-rules/mach-dim", rule("DAY1", "MACH-DIM", "cost", "period", "500.00", "quality"))
                    .statusCode(204);
            evaluate("DAY1", "2026-10", "MACH-DIM").statusCode(200).body("sent", equalTo(1));
        }
        awaitStatus("sent");
        JsonPath alerts = given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(200).body("", hasSize(1))
                .body("[0].status", equalTo("sent")).extract().jsonPath();
        return alerts.getLong("[0].id");
    }

    /** The deliveries are attempted once the alert has committed: its status follows shortly after. */
    private void awaitStatus(String status) {
        SweepHold.awaitTrue(() -> given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(200).extract()
                .jsonPath().getList("status").stream().allMatch(status::equals));
    }

    private ValidatableResponse evaluate(String plant, String period, String... codes) {
        return given().auth().oauth2(TestServiceTokens.get().token("costing-service", tenant))
                .contentType(ContentType.JSON)
                .body(Map.of("plant", plant, "period", period, "defect_codes", List.of(codes)))
                .post("/api/v1/alerts/evaluations").then();
    }

    /**
     * Sent with a JSON content type although there is no body: the resource's class-level {@code @Consumes} makes a
     * bare POST answer 415 Unsupported Media Type.
     */
    private ValidatableResponse acknowledge(String token, long id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).post("/api/v1/alerts/" + id + "/acknowledge")
                .then();
    }

    private ValidatableResponse putAudience(String audience) {
        return put(admin, "/api/v1/audiences/" + audience, audience());
    }

    private ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    private static Map<String, Object> audience() {
        return Map.of("members", List.of(Map.of("name", "Dana Ortiz", "role", "quality", "email", DANA),
                Map.of("name", "Lee Chen", "role", "supervisor", "email", LEE, "lines", List.of("L1"))));
    }

    private static Map<String, Object> rule(String plant, String code, String metric, String window, String threshold,
            String audience) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("plant", plant);
        rule.put("defect_code", code);
        rule.put("metric", metric);
        rule.put("window", window);
        rule.put("threshold", threshold);
        rule.put("audience", audience);
        return rule;
    }

    /** A costed event of plant DAY1 booked in period 2026-10. */
    private void insertEvent(String code, String shift, String amount) {
        CostedEvents.event(code, amount, Instant.parse("2026-10-14T16:00:00Z")).shift(shift).insert(db, tenant);
    }

    private static List<MimeMessage> received(String recipient) {
        return mail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(recipient), message -> true).toList();
    }

    private static List<String> subjects(String recipient) {
        return received(recipient).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private SweepHold holdTheSweep() {
        return SweepHold.take(leases);
    }

    private void inTenant(String tenantId, Function<SqlConnection, Uni<Void>> work) {
        db.inTenant(tenantId, work).await().indefinitely();
    }

    private static Uni<Void> run(SqlConnection connection, String sql, Object... parameters) {
        return connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))).replaceWithVoid();
    }

    private long count(String sql) {
        return count(tenant, sql);
    }

    private long count(String tenantId, String sql) {
        return db.inTenant(tenantId, connection -> connection.preparedQuery(sql).execute(Tuple.tuple()))
                .map(rows -> ((Number) rows.iterator().next().getValue(0)).longValue()).await().indefinitely();
    }

    /** Sends the service's email to the GreenMail server of {@link ServerSetupTest#SMTP}. */
    public static class GreenMailSmtp implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port",
                    String.valueOf(ServerSetupTest.SMTP.getPort()));
        }
    }
}

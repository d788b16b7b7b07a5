package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.scrapline.ingest.service.SecretService;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class WebhookResourceTest {

    private static final String SOURCE = "plex-mes";
    private static final String EVENTS = "/api/v1/sources/" + SOURCE + "/events";
    private static final String DEFECT = """
            {"source_id": "MES-1", "plant": "DAY1", "line": "L1", "work_center": "WC-110", "part": "MFG-4471",
             "defect_code": "D-114", "quantity": 3, "disposition": "scrap",
             "occurred_at": "2026-10-14T09:30:00-04:00"}""";
    private static final String NCR = """
            {"source_id": "NCR-2026-0117", "plant": "DAY1", "status": "open", "opened_at": "2026-10-14T09:42:00-04:00",
             "disposition": "rework", "defect_code": "D-114", "part": "MFG-4471", "quantity": 3}""";
    private static final String REWORK = """
            {"source_id": "RW-88", "plant": "DAY1", "work_center": "WC-110", "hours": 1.5,
             "performed_at": "2026-10-14T11:00:00-04:00", "ncr": "NCR-2026-0117"}""";

    @Inject
    TenantDb db;

    @Inject
    SecretService secrets;

    @Inject
    SecretBox box;

    private String tenant;
    private String token;
    private String secret;

    @BeforeEach
    void newTenantWithAPlantAndASource() {
        tenant = "t-" + UUID.randomUUID();
        token = TestTokens.get().token(tenant, "ingest");
        TestTenants.createWithPlant(db, tenant, "DAY1");
        secret = createSource(tenant, SOURCE);
    }

    @Test
    void storesASignedEventWithItsDelivery() {
        String batch = send(Delivery.of("msg-1", event("defect.recorded", DEFECT)).signedWith(secret)).statusCode(202)
                .contentType("application/json").header("Location", containsString("/api/v1/batches/"))
                .body("type", equalTo("defects")).body("received", equalTo(1)).body("accepted", equalTo(1))
                .body("rejected", equalTo(0)).extract().path("batch_id");

        assertThat(count("SELECT count(*) FROM defect_records WHERE source_id = 'MES-1' AND source = 'plex-mes' "
                + "AND batch_id = '" + batch + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE source = 'plex-mes' AND webhook_id = 'msg-1' "
                + "AND event_type = 'defect.recorded' AND batch_id = '" + batch + "'")).isEqualTo(1);
        given().auth().oauth2(token).get("/api/v1/batches/" + batch).then().statusCode(200).body("costing.records",
                equalTo(1));
    }

    @Test
    void eachEventTypeLandsInItsRecordType() {
        send(Delivery.of("msg-ncr", event("nonconformance_report.created", NCR)).signedWith(secret)).statusCode(202)
                .body("type", equalTo("ncrs")).body("accepted", equalTo(1));
        send(Delivery.of("msg-rw", event("rework.booked", REWORK)).signedWith(secret)).statusCode(202)
                .body("type", equalTo("rework-labor")).body("accepted", equalTo(1));
        send(Delivery.of("msg-ncr-2",
                event("nonconformance_report.updated", NCR.replace("\"status\": \"open\"", "\"status\": \"closed\"")))
                .signedWith(secret)).statusCode(202).body("type", equalTo("ncrs")).body("updated", equalTo(1));
        send(Delivery.of("msg-def", event("defect.updated", DEFECT)).signedWith(secret)).statusCode(202).body("type",
                equalTo("defects"));

        assertThat(count("SELECT count(*) FROM ncr_records WHERE source_id = 'NCR-2026-0117'")).isEqualTo(2);
        assertThat(count("SELECT max(version) FROM ncr_records WHERE status = 'closed'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM rework_labor_records WHERE source_id = 'RW-88' AND hours = 1.5"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(4);
    }

    @Test
    void refusesAMissingOrWrongSignatureAndStoresNothing() {
        String body = event("defect.recorded", DEFECT);
        send(Delivery.of("msg-1", body).signedWith(createSource(tenant, "other-source"))).statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401))
                .body("detail", containsString("webhook-signature does not match"));
        // Signed, then changed on the way.
        Delivery tampered = Delivery.of("msg-1", body).signedWith(secret);
        send(new Delivery(tampered.id(), tampered.timestamp(), tampered.signature(), body.replace("3", "30")))
                .statusCode(401);
        send(new Delivery("msg-1", tampered.timestamp(), "v1,", body)).statusCode(401);
        given().auth().oauth2(token).contentType("application/cloudevents+json").body(body).post(EVENTS).then()
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("webhook-id, webhook-timestamp and webhook-signature"));
        assertNothingStored();
    }

    @Test
    void refusesAReplayedWebhookIdAndStoresNothingMore() {
        send(Delivery.of("msg-1", event("defect.recorded", DEFECT)).signedWith(secret)).statusCode(202);
        // The same delivery again, and another event under the same id, freshly signed: both refused.
        send(Delivery.of("msg-1", event("defect.recorded", DEFECT)).signedWith(secret)).statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("detail", containsString("msg-1"));
        send(Delivery.of("msg-1", event("rework.booked", REWORK)).signedWith(secret)).statusCode(409);

        assertThat(count("SELECT count(*) FROM ingest_batches")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM rework_labor_records")).isZero();
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(1);
    }

    @Test
    void aConcurrentReplayLosesOnThePrimaryKey() throws Exception {
        Delivery delivery = Delivery.of("msg-race", event("defect.recorded", DEFECT)).signedWith(secret);
        // Hold the source's row so that both deliveries pass the replay check and then wait inside their batch
        // transactions; once released, the second finds the first's delivery only through the primary key.
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Object> held = db.inTenant(tenant,
                connection -> connection.query("SELECT 1 FROM source_systems WHERE source = 'plex-mes' FOR UPDATE")
                        .execute().chain(() -> Uni.createFrom().completionStage(release)))
                .subscribeAsCompletionStage().thenApply(ignored -> null);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = List.of(senders.submit(() -> send(delivery).extract().statusCode()),
                    senders.submit(() -> send(delivery).extract().statusCode()));
            // Generous: on a machine loaded several times over its cores, 10 s was once not enough for two requests.
            long deadline = System.currentTimeMillis() + 60_000;
            while (waitingForLocks() < 2) {
                assertThat(System.currentTimeMillis()).as("both deliveries waiting").isLessThan(deadline);
                Thread.sleep(20);
            }
            release.complete(null);
            held.get(60, TimeUnit.SECONDS);
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        } finally {
            release.complete(null);
            senders.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest_batches")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(1);
    }

    @Test
    void refusesAStaleOrFutureTimestamp() {
        long now = Instant.now().getEpochSecond();
        String body = event("defect.recorded", DEFECT);
        send(Delivery.at("msg-1", now - 400, body).signedWith(secret)).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("webhook-timestamp"));
        send(Delivery.at("msg-1", now + 400, body).signedWith(secret)).statusCode(401);
        send(Delivery.at("msg-1", now - 200, body).signedWith(secret)).statusCode(202);
    }

    @Test
    void refusesAnUnknownEventTypeNamingIt() {
        send(Delivery.of("msg-1", event("defect.deleted", DEFECT)).signedWith(secret)).statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("type")))
                .body("errors[0].message", containsString("defect.deleted"));
        assertNothingStored();
    }

    @Test
    void invalidDataIsRowOneOfTheBatchAndStoresNothing() {
        String bad = DEFECT.replace("\"quantity\": 3", "\"quantity\": -3").replace("\"plant\": \"DAY1\"",
                "\"plant\": \"DAY1\", \"colour\": \"red\"");
        send(Delivery.of("msg-1", event("defect.recorded", bad)).signedWith(secret)).statusCode(422)
                .contentType("application/problem+json").body("errors.row", equalTo(List.of(1, 1)))
                .body("errors.field", equalTo(List.of("colour", "quantity")));
        send(Delivery.of("msg-1", event("defect.recorded", DEFECT.replace("\"line\": \"L1\", ", "")))
                .signedWith(secret)).statusCode(422).body("errors.field", equalTo(List.of("line")));
        assertNothingStored();

        // Nothing was stored, so the source may send the corrected event under the same id.
        send(Delivery.of("msg-1", event("defect.recorded", DEFECT)).signedWith(secret)).statusCode(202);
    }

    @Test
    void thePreviousSecretWorksUntilItsGracePeriodEnds() {
        String rotated = given().auth().oauth2(admin(tenant))
                .post("/api/v1/sources/" + SOURCE + "/webhook-secret/rotate").then().statusCode(200).extract()
                .path("webhook_secret");

        send(Delivery.of("msg-old", event("defect.recorded", DEFECT)).signedWith(secret)).statusCode(202);
        send(Delivery.of("msg-new", event("rework.booked", REWORK)).signedWith(rotated)).statusCode(202);

        db.inTenant(tenant,
                connection -> connection.preparedQuery("UPDATE source_systems SET previous_secret_expires_at = "
                        + "now() - interval '1 minute' WHERE source = $1").execute(Tuple.of(SOURCE)))
                .await().indefinitely();
        send(Delivery.of("msg-old-2", event("nonconformance_report.created", NCR)).signedWith(secret)).statusCode(401);
        send(Delivery.of("msg-new-2", event("nonconformance_report.created", NCR)).signedWith(rotated)).statusCode(202);
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(3);
    }

    @Test
    void aSourceWithoutASecretCannotReceiveEvents() {
        // Registered by its first batch, without a secret.
        given().auth().oauth2(token).contentType("application/json").body("[" + DEFECT + "]")
                .post("/api/v1/sources/erp/records/defects").then().statusCode(201);
        Delivery delivery = Delivery.of("msg-1", event("defect.recorded", DEFECT)).signedWith(secret);
        given().auth().oauth2(token).contentType("application/cloudevents+json").headers(delivery.headers())
                .body(delivery.body()).post("/api/v1/sources/erp/events").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("no webhook secret"));
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isZero();
    }

    @Test
    void anotherTenantCannotDeliverToTheSource() {
        String otherTenant = "t-" + UUID.randomUUID();
        Delivery delivery = Delivery.of("msg-1", event("defect.recorded", DEFECT)).signedWith(secret);
        given().auth().oauth2(TestTokens.get().token(otherTenant, "ingest", "admin"))
                .contentType("application/cloudevents+json").headers(delivery.headers()).body(delivery.body())
                .post(EVENTS).then().statusCode(401).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        Delivery delivery = Delivery.of("msg-1", event("defect.recorded", DEFECT)).signedWith(secret);
        given().contentType("application/cloudevents+json").headers(delivery.headers()).body(delivery.body())
                .post(EVENTS).then().statusCode(401);
        given().auth().oauth2(TestTokens.get().token(tenant, "quality")).contentType("application/cloudevents+json")
                .headers(delivery.headers()).body(delivery.body()).post(EVENTS).then().statusCode(403);
        assertNothingStored();
    }

    @Test
    void aPlaintextSecretWrittenBeforeEncryptionIsSealedByTheStartUpStepAndStillVerifiesWebhooks() {
        // As the version before encryption stored it.
        storeSecret(secret);
        send(Delivery.of("msg-before", event("defect.recorded", DEFECT)).signedWith(secret)).statusCode(202);

        // The step the service runs at start-up and hourly.
        assertThat(secrets.reseal(tenant).await().indefinitely()).isEqualTo(1);
        assertThat(storedSecret()).startsWith("enc:v1:devtest:").doesNotContain(secret.substring("whsec_".length()));
        send(Delivery.of("msg-after", event("rework.booked", REWORK)).signedWith(secret)).statusCode(202);
        assertThat(secrets.reseal(tenant).await().indefinitely()).as("nothing left to seal").isZero();
    }

    @Test
    void aSecretSealedUnderARetiredKeyStillVerifiesAndIsSealedAgainUnderTheCurrentKey() {
        String retired = ConfigProvider.getConfig().getValue("scrapline.secrets.keys", String.class).split(",")[1];
        assertThat(retired).startsWith("devtest0:");
        storeSecret(new SecretBox(List.of(retired), "devtest0").seal(secret));
        send(Delivery.of("msg-old-key", event("defect.recorded", DEFECT)).signedWith(secret)).statusCode(202);

        secrets.reseal(tenant).await().indefinitely();
        assertThat(storedSecret()).startsWith("enc:v1:devtest:");
        assertThat(box.open(storedSecret())).isEqualTo(secret);
        send(Delivery.of("msg-new-key", event("rework.booked", REWORK)).signedWith(secret)).statusCode(202);
        String shown = given().auth().oauth2(admin(tenant)).get("/api/v1/sources/" + SOURCE).then().statusCode(200)
                .extract().asString();
        assertThat(shown).doesNotContain(secret).doesNotContain("enc:v1");
    }

    @Test
    void aSecretUnderAKeyNoLongerInTheRingIsAnOutageNotAServerError() {
        storeSecret(new SecretBox(List.of("gone:" + Base64.getEncoder().encodeToString(new byte[32])), "gone")
                .seal(secret));
        String body = send(Delivery.of("msg-lost-key", event("defect.recorded", DEFECT)).signedWith(secret))
                .statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue()).extract()
                .asString();
        assertThat(body).doesNotContain("gone").doesNotContain(secret);
    }

    private void storeSecret(String stored) {
        db.inTenant(tenant, connection -> connection.preparedQuery(
                "UPDATE source_systems SET webhook_secret = $2 WHERE tenant_id = current_tenant() " + "AND source = $1")
                .execute(Tuple.of(SOURCE, stored))).await().indefinitely();
    }

    private String storedSecret() {
        return db
                .inTenant(tenant,
                        connection -> connection
                                .preparedQuery("SELECT webhook_secret FROM source_systems WHERE source = $1")
                                .execute(Tuple.of(SOURCE)))
                .map(rows -> rows.iterator().next().getString(0)).await().indefinitely();
    }

    /** One delivery: headers and the body exactly as signed. */
    record Delivery(String id, String timestamp, String signature, String body) {

        static Delivery of(String id, String body) {
            return at(id, Instant.now().getEpochSecond(), body);
        }

        static Delivery at(String id, long timestamp, String body) {
            return new Delivery(id, Long.toString(timestamp), null, body);
        }

        /** Signs as a Standard Webhooks sender does, independently of the service's own code. */
        Delivery signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                byte[] hmac = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                return new Delivery(id, timestamp, "v1," + Base64.getEncoder().encodeToString(hmac), body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Map<String, String> headers() {
            return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
        }
    }

    private ValidatableResponse send(Delivery delivery) {
        return given().auth().oauth2(token).contentType("application/cloudevents+json").headers(delivery.headers())
                .body(delivery.body().getBytes(StandardCharsets.UTF_8)).post(EVENTS).then();
    }

    private static String event(String type, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/mes/dayton", "type": "%s",
                 "time": "2026-10-14T13:30:00Z", "datacontenttype": "application/json", "data": %s}"""
                .formatted(UUID.randomUUID(), type, data);
    }

    private static String createSource(String tenant, String source) {
        return given().auth().oauth2(admin(tenant)).contentType("application/json").body(Map.of("source", source))
                .post("/api/v1/sources").then().statusCode(201).extract().path("webhook_secret");
    }

    private static String admin(String tenant) {
        return TestTokens.get().token(tenant, "admin");
    }

    private void assertNothingStored() {
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
        assertThat(count("SELECT count(*) FROM ingest_batches")).isZero();
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isZero();
    }

    private long waitingForLocks() {
        return db
                .inTenant(tenant, connection -> connection
                        .query("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").execute())
                .map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple())).map(rows -> {
            Object value = rows.iterator().next().getValue(0);
            return value == null ? 0L : ((Number) value).longValue();
        }).await().indefinitely();
    }
}

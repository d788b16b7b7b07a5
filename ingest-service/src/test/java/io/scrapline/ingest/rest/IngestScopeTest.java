package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code plants} and {@code lines} claims on ingest: records, webhook events, batches, source systems and
 * connectors (finding 3 of issue 10: {@code plants} was not applied to ingest or admin). The tenant has DAY1 and TOL2.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IngestScopeTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DEFECTS = "/api/v1/sources/plex-mes/records/defects";
    private static final String HEADER = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,"
            + "occurred_at\n";

    @Inject
    TenantDb db;

    private String tenant;
    private String tol2Ingest;
    private String day1Line1Ingest;

    @BeforeEach
    void tenantWithTwoPlants() {
        tenant = "t-" + UUID.randomUUID();
        tol2Ingest = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "ingest");
        day1Line1Ingest = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "ingest");
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant,
                connection -> connection
                        .query("INSERT INTO plants (tenant_id, plant_id, name, currency, "
                                + "time_zone) VALUES (current_tenant(), 'TOL2', 'Toledo', 'USD', 'America/New_York')")
                        .execute())
                .await().indefinitely();
    }

    @Test
    void recordsOfPlantsOutsideTheScopeRefuseTheBatchNamingEachRow() {
        String csv = HEADER + defect("MES-1", "DAY1", "L1") + defect("MES-2", "TOL2", "L1")
                + defect("MES-3", "NOPE", "L1");
        for (String mode : List.of("all", "partial")) {
            postCsv(tol2Ingest, DEFECTS + "?mode=" + mode, csv).statusCode(403).contentType(PROBLEM)
                    .body("detail", containsString("2 rows are outside the token's scope"))
                    .body("errors.row", equalTo(List.of(1, 3))).body("errors.field", equalTo(List.of("plant", "plant")))
                    // A plant outside the scope is not looked up: whether NOPE exists is not told.
                    .body("errors[1].message", equalTo("plant NOPE is outside the token's scope"));
        }
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
        assertThat(count("SELECT count(*) FROM ingest_batches")).isZero();

        postCsv(tol2Ingest, DEFECTS, HEADER + defect("MES-2", "TOL2", "L1")).statusCode(201).body("accepted",
                equalTo(1));
    }

    @Test
    void aLineLimitedTokenSendsOnlyRecordsOfItsLines() {
        postCsv(day1Line1Ingest, DEFECTS, HEADER + defect("MES-1", "DAY1", "L1") + defect("MES-2", "DAY1", "L2"))
                .statusCode(403).contentType(PROBLEM).body("errors.row", equalTo(List.of(2)))
                .body("errors[0].field", equalTo("line"))
                .body("errors[0].message", equalTo("line L2 is outside the token's scope"));
        // A cost roll has no line: it is the whole plant's.
        postCsv(day1Line1Ingest, "/api/v1/sources/sap-erp/records/standard-costs",
                "part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from\n"
                        + "100-4471-A,DAY1,0010,120.00,30.00,20.00,USD,2026-01-01\n").statusCode(403)
                                .body("errors[0].message", containsString("covers the whole plant DAY1"));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
        assertThat(count("SELECT count(*) FROM standard_cost_records")).isZero();

        postCsv(day1Line1Ingest, DEFECTS, HEADER + defect("MES-1", "DAY1", "L1")).statusCode(201);
    }

    @Test
    void aBatchWithRecordsOutsideTheScopeIsNotFound() {
        String whole = TestTokens.get().token(tenant, "ingest");
        String batch = postCsv(whole, DEFECTS, HEADER + defect("MES-1", "DAY1", "L1") + defect("MES-2", "DAY1", "L2"))
                .statusCode(201).extract().path("batch_id");

        given().auth().oauth2(tol2Ingest).get("/api/v1/batches/" + batch).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("no batch " + batch));
        given().auth().oauth2(day1Line1Ingest).get("/api/v1/batches/" + batch).then().statusCode(404);
        String day1 = TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of(), "ingest");
        given().auth().oauth2(day1).get("/api/v1/batches/" + batch).then().statusCode(200).body("accepted", equalTo(2));
    }

    @Test
    void aWebhookEventOfAnotherPlantIsRefused() {
        String secret = given().auth().oauth2(TestTokens.get().token(tenant, "admin")).contentType("application/json")
                .body(Map.of("source", "plex-mes")).post("/api/v1/sources").then().statusCode(201).extract()
                .path("webhook_secret");
        String body = """
                {"specversion": "1.0", "id": "e-1", "source": "/mes/dayton", "type": "defect.recorded",
                 "datacontenttype": "application/json", "data": {"source_id": "MES-1", "plant": "DAY1", "line": "L1",
                 "work_center": "WC-110", "part": "MFG-4471", "defect_code": "D-114", "quantity": 3,
                 "disposition": "scrap", "occurred_at": "2026-10-14T09:30:00-04:00"}}""";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        given().auth().oauth2(tol2Ingest).contentType("application/cloudevents+json")
                .headers(Map.of("webhook-id", "msg-1", "webhook-timestamp", timestamp, "webhook-signature",
                        sign(secret, "msg-1." + timestamp + "." + body)))
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/sources/plex-mes/events").then()
                .statusCode(403).contentType(PROBLEM).body("errors[0].row", equalTo(1));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isZero();
    }

    @Test
    void sourceSystemsAndConnectorsAreTheWholeTenantsAndAScopedAdminOnlyReadsSources() {
        String admin = TestTokens.get().token(tenant, "admin");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("source", "plex-mes"))
                .post("/api/v1/sources").then().statusCode(201);
        String tol2Admin = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "admin");

        given().auth().oauth2(tol2Admin).contentType("application/json").body(Map.of("source", "sap-erp"))
                .post("/api/v1/sources").then().statusCode(403).contentType(PROBLEM).body("detail", equalTo(
                        "a source system covers every plant of the tenant; the token is limited to " + "plants TOL2"));
        given().auth().oauth2(tol2Admin).contentType("application/json")
                .post("/api/v1/sources/plex-mes/webhook-secret/rotate").then().statusCode(403);
        given().auth().oauth2(tol2Admin).get("/api/v1/sources").then().statusCode(200).body("source",
                equalTo(List.of("plex-mes")));
        given().auth().oauth2(tol2Admin).get("/api/v1/sources/plex-mes").then().statusCode(200);

        String connector = "/api/v1/sources/plex-mes/connectors/mes-pull";
        db.inTenant(tenant, connection -> connection.query("""
                INSERT INTO connectors (tenant_id, source, connector, kind, record_type, config, enabled)
                VALUES (current_tenant(), 'plex-mes', 'mes-pull', 'rest', 'defects', '{}', false)""").execute()).await()
                .indefinitely();
        given().auth().oauth2(admin).get("/api/v1/sources/plex-mes").then().statusCode(200).body("connectors.connector",
                equalTo(List.of("mes-pull")));
        // A connector's status carries its last error, which may name any plant's records.
        given().auth().oauth2(tol2Admin).get("/api/v1/sources/plex-mes").then().statusCode(200).body("connectors",
                equalTo(List.of()));
        given().auth().oauth2(tol2Admin).get("/api/v1/sources").then().statusCode(200).body("[0].connectors",
                equalTo(List.of()));
        given().auth().oauth2(tol2Admin).contentType("application/json").body("""
                {"kind": "rest", "record_type": "defects", "config": {}}""").put(connector).then().statusCode(403)
                .contentType(PROBLEM);
        given().auth().oauth2(tol2Admin).get(connector).then().statusCode(403);
        given().auth().oauth2(tol2Admin).get(connector + "/runs").then().statusCode(403);
        given().auth().oauth2(tol2Admin).contentType("application/json").post(connector + "/run").then()
                .statusCode(403);
        assertThat(count("SELECT count(*) FROM source_systems")).isEqualTo(1);
    }

    private static String defect(String sourceId, String plant, String line) {
        return sourceId + "," + plant + "," + line + ",WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00\n";
    }

    private static ValidatableResponse postCsv(String token, String path, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv).post(path).then();
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple())).map(rows -> {
            Object value = rows.iterator().next().getValue(0);
            return value == null ? 0L : ((Number) value).longValue();
        }).await().indefinitely();
    }
}

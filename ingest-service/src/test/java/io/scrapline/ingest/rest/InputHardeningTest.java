package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/** Finding 4 of issue 10 at ingest: hostile values are refused with 422 naming row and field, and nothing stored. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InputHardeningTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String HEADER = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,"
            + "occurred_at\n";

    @Inject
    TenantDb db;

    private String tenant;
    private String token;

    @BeforeEach
    void newTenantWithAPlant() {
        tenant = "t-" + UUID.randomUUID();
        token = TestTokens.get().token(tenant, "ingest");
        TestTenants.createWithPlant(db, tenant, "DAY1");
    }

    @Test
    void aNulInATextFieldIsRefusedNamingRowAndField() {
        postJson(List.of(defect("MES-1\u0000", "2026-10-14T09:30:00Z", "3"))).statusCode(422).contentType(PROBLEM)
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("source_id"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        postCsv(HEADER + "MES-1,DAY1,L1,WC-110,MFG\u00004471,D-114,3,scrap,2026-10-14T09:30:00Z\n").statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("part"));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void timestampsOutsideTheAcceptedYearsAreRefusedNamingRowAndField() {
        postJson(List.of(defect("MES-1", "2026-10-14T09:30:00Z", "3"), defect("MES-2", "+300000-01-01T00:00:00Z", "3"),
                defect("MES-3", "-5000-01-01T00:00:00Z", "3"), defect("MES-4", "0000-01-01T00:00:00Z", "3")))
                        .statusCode(422).contentType(PROBLEM).body("errors.row", equalTo(List.of(2, 3, 4)))
                        .body("errors.field", equalTo(List.of("occurred_at", "occurred_at", "occurred_at")))
                        .body("errors[0].message", equalTo("must be in the years 1900 to 2200"));
        given().auth().oauth2(token).contentType("text/csv")
                .body("part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from\n"
                        + "100-4471-A,DAY1,0010,120.00,30.00,20.00,USD,+99999-01-01\n")
                .post("/api/v1/sources/mes/records/standard-costs").then().statusCode(422)
                .body("errors[0].field", equalTo("effective_from"));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void quantitiesBeyondTheColumnsPrecisionAreRefused() {
        postJson(List.of(defect("MES-1", "2026-10-14T09:30:00Z", "1234567890123.5"),
                defect("MES-2", "2026-10-14T09:30:00Z", "1.1234567"), defect("MES-3", "2026-10-14T09:30:00Z", "1e400")))
                        .statusCode(422).body("errors.row", equalTo(List.of(1, 2, 3)))
                        .body("errors.field", equalTo(List.of("quantity", "quantity", "quantity")));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void plantsLinesAndWorkCentersFollowTheCodePattern() {
        Map<String, Object> record = new java.util.HashMap<>(defect("MES-1", "2026-10-14T09:30:00Z", "3"));
        record.put("line", "L".repeat(10_000));
        record.put("work_center", "WC 110");
        postJson(List.of(record)).statusCode(422).body("errors.field", equalTo(List.of("line", "work_center")));
    }

    @Test
    void emptyAndHeaderOnlyBatchesAreRefused() {
        postCsv("").statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        postCsv(HEADER).statusCode(422).contentType(PROBLEM).body("errors[0].message",
                equalTo("must hold at least one record"));
        postJson(List.of()).statusCode(422).contentType(PROBLEM);
        assertThat(count("SELECT count(*) FROM ingest_batches")).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirRow() {
        byte[] csv = (HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00Z\n"
                + "MES-2,DAY1,L1,WC-110,MFG-\u00ff\u00ff,D-114,3,scrap,2026-10-14T09:30:00Z\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(token).contentType("text/csv").body(csv).post("/api/v1/sources/mes/records/defects")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].row", equalTo(2));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void unknownQueryValuesAreRefusedAsProblems() {
        String csv = HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00Z\n";
        given().auth().oauth2(token).contentType("text/csv").queryParam("ignore_unknown", "maybe").body(csv)
                .post("/api/v1/sources/mes/records/defects").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("ignore_unknown"));
        given().auth().oauth2(token).contentType("text/csv").queryParam("mode", "some").body(csv)
                .post("/api/v1/sources/mes/records/defects").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("mode"));
        given().auth().oauth2(token).contentType("text/csv").queryParam("delimiter", "|").body(csv)
                .post("/api/v1/sources/mes/records/defects").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("delimiter"));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void aNulInAPathParameterIsRefusedNotA500() {
        given().auth().oauth2(token).contentType("text/csv").body(HEADER)
                .post("/api/v1/sources/mes%00x/records/defects").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("source"));
        given().auth().oauth2(TestTokens.get().token(tenant, "admin")).get("/api/v1/sources/mes%00").then()
                .statusCode(422).contentType(PROBLEM);
    }

    @Test
    void httpLayerRefusalsAreProblems() {
        given().auth().oauth2(token).get("/api/v1/sources/" + "x".repeat(9000)).then().statusCode(414)
                .contentType(PROBLEM).body("status", equalTo(414));
        given().auth().oauth2(token).header("X-Filler", "y".repeat(20_000)).get("/api/v1/sources").then()
                .statusCode(431).contentType(PROBLEM).body("status", equalTo(431));
        given().auth().oauth2(token).get("/api/v1/no-such-thing").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).contentType("application/xml").body("<a/>")
                .post("/api/v1/sources/mes/records/defects").then().statusCode(415).contentType(PROBLEM);
    }

    private static Map<String, Object> defect(String sourceId, String occurredAt, String quantity) {
        return Map.of("source_id", sourceId, "plant", "DAY1", "line", "L1", "work_center", "WC-110", "part", "MFG-4471",
                "defect_code", "D-114", "quantity", quantity, "disposition", "scrap", "occurred_at", occurredAt);
    }

    private ValidatableResponse postJson(Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sources/mes/records/defects").then();
    }

    private ValidatableResponse postCsv(String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sources/mes/records/defects").then();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple())).map(rows -> {
            Object value = rows.iterator().next().getValue(0);
            return value == null ? 0L : ((Number) value).longValue();
        }).await().indefinitely();
    }
}

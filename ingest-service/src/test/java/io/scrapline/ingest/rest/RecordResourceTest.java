package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RecordResourceTest {

    private static final String HEADER = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,"
            + "occurred_at,shift,operation\n";

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
    void storesDefectsAndCountsDuplicatesAndUpdates() {
        String first = HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020\n"
                + "MES-2,DAY1,L2,WC-210,MFG-5000,D-201,1,rework,2026-10-14T10:00:00-04:00,B,\n";
        postCsv("defects", first).statusCode(201).body("received", equalTo(2)).body("accepted", equalTo(2))
                .body("duplicates", equalTo(0)).body("updated", equalTo(0)).body("rejected", equalTo(0));

        // The same content, with the quantity written differently, is a duplicate; a changed quantity an update.
        String again = HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3.00,scrap,2026-10-14T09:30:00-04:00,A,0020\n"
                + "MES-2,DAY1,L2,WC-210,MFG-5000,D-201,2,rework,2026-10-14T10:00:00-04:00,B,\n";
        postCsv("defects", again).statusCode(201).body("accepted", equalTo(0)).body("duplicates", equalTo(1))
                .body("updated", equalTo(1));

        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(3);
        assertThat(count("SELECT max(version) FROM defect_records WHERE source_id = 'MES-2'")).isEqualTo(2);
    }

    @Test
    void storesJsonRecords() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(List.of(Map.of("source_id", "MES-9", "plant", "DAY1", "line", "L1", "work_center", "WC-110",
                        "part", "MFG-4471", "defect_code", "D-114", "quantity", 2, "disposition", "scrap",
                        "occurred_at", "2026-10-14T09:30:00-04:00")))
                .post("/api/v1/sources/plex-mes/records/defects").then().statusCode(201).body("accepted", equalTo(1));
        assertThat(count("SELECT count(*) FROM defect_records WHERE quantity = 2")).isEqualTo(1);
    }

    @Test
    void storesStandardCostsByNaturalKey() {
        String csv = "part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from\n"
                + "100-4471-A,DAY1,0010,120.00,30.00,20.00,USD,2026-01-01\n"
                + "100-4471-A,DAY1,0020,0,28.40,20.00,USD,2026-01-01\n";
        postCsv("standard-costs", csv).statusCode(201).body("accepted", equalTo(2));
        postCsv("standard-costs", csv).statusCode(201).body("duplicates", equalTo(2));
        assertThat(count("SELECT count(*) FROM standard_cost_records")).isEqualTo(2);
    }

    @Test
    void everyQuantityMayNameItsUnit() {
        String costs = "part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from,uom\n"
                + "100-4471-A,DAY1,0010,120.00,30.00,20.00,USD,2026-01-01,EA\n"
                + "100-4471-A,DAY1,0020,0,28.40,20.00,USD,2026-01-01,\n";
        postCsv("standard-costs", costs).statusCode(201).body("accepted", equalTo(2));
        postCsv("ncrs", "source_id,plant,status,opened_at,quantity,uom\nNCR-1,DAY1,open,2026-10-14T09:30:00Z,4,KG\n")
                .statusCode(201).body("accepted", equalTo(1));
        postCsv("work-orders", "work_order,plant,part,completed_quantity,uom\nWO-1,DAY1,100-4471-A,40,EA\n")
                .statusCode(201).body("accepted", equalTo(1));

        assertThat(count("SELECT count(*) FROM standard_cost_records WHERE uom = 'EA'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM standard_cost_records WHERE uom IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ncr_records WHERE uom = 'KG' AND quantity = 4")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM work_order_records WHERE uom = 'EA'")).isEqualTo(1);
        // A cost roll sent again without its unit column is the same content: the unit was not given either way.
        String withoutUnits = "part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from\n"
                + "100-4471-A,DAY1,0020,0,28.40,20.00,USD,2026-01-01\n";
        postCsv("standard-costs", withoutUnits).statusCode(201).body("duplicates", equalTo(1));
    }

    @Test
    void badCsvNamesEveryBadRowAndFieldAndStoresNothing() {
        String csv = "source_id,plant,line,work_center,part,defect_code,quantity,occurred_at\n"
                + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,2026-10-14T09:30:00-04:00\n";
        String bad = HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,-3,scrap,2026-10-14T09:30:00-04:00,A,0020\n"
                + "MES-2,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,14/10/2026,A,0020\n"
                + "MES-3,DAY1,L1,WC-110,MFG-4471,D-114,3,scrapped,2026-10-14T09:30:00-04:00,A,0020\n"
                + "MES-4,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020\n"
                + "MES-5,NOPE,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020\n";
        JsonPath problem = postCsv("defects", bad).statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("errors", hasSize(4)).extract().jsonPath();
        assertThat(problem.getList("errors", Map.class)).extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("1:quantity", "2:occurred_at", "3:disposition", "5:plant");

        // A missing required column is an error on every row.
        postCsv("defects", csv).statusCode(422).body("errors.field", equalTo(List.of("disposition"))).body("errors.row",
                equalTo(List.of(1)));
        assertThat(count("SELECT count(*) FROM defect_records")).isZero();
        assertThat(count("SELECT count(*) FROM ingest_batches")).isZero();
    }

    @Test
    void partialModeStoresTheValidRowsAndReturnsTheOthers() {
        String csv = HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020\n"
                + "MES-2,DAY1,L1,WC-110,MFG-4471,D-114,0,scrap,2026-10-14T09:30:00-04:00,A,0020\n";
        given().auth().oauth2(token).contentType("text/csv").body(csv).queryParam("mode", "partial")
                .post("/api/v1/sources/plex-mes/records/defects").then().statusCode(201).body("accepted", equalTo(1))
                .body("rejected", equalTo(1)).body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("quantity"));
        assertThat(count("SELECT count(*) FROM defect_records")).isEqualTo(1);
    }

    @Test
    void unknownColumnsAndRepeatedRecordsAreErrors() {
        String csv = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,colour\n"
                + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,red\n"
                + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,red\n";
        postCsv("defects", csv).statusCode(422).body("errors.field", equalTo(List.of("colour", "colour")));
        given().auth().oauth2(token).contentType("text/csv").body(csv).queryParam("ignore_unknown", true)
                .post("/api/v1/sources/plex-mes/records/defects").then().statusCode(422)
                .body("errors[0].row", equalTo(2))
                .body("errors[0].message", equalTo("same record as row 1 of this batch"));
    }

    @Test
    void semicolonDelimitedCsvWithByteOrderMarkAndQuotedFields() {
        String csv = "\uFEFFsource_id;plant;line;work_center;part;defect_code;quantity;disposition;occurred_at\n"
                + "\"MES;1\";DAY1;L1;WC-110;\"MFG-4471\";D-114;3;scrap;2026-10-14T09:30:00-04:00\n";
        given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv).queryParam("delimiter", ";")
                .post("/api/v1/sources/plex-mes/records/defects").then().statusCode(201).body("accepted", equalTo(1));
        assertThat(count("SELECT count(*) FROM defect_records WHERE source_id = 'MES;1'")).isEqualTo(1);
    }

    @Test
    void batchesReportProgressAndStayWithinTheirTenant() {
        String batch = postCsv("defects",
                HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020\n")
                        .statusCode(201).header("Location", containsString("/api/v1/batches/")).extract()
                        .path("batch_id");
        given().auth().oauth2(token).get("/api/v1/batches/" + batch).then().statusCode(200)
                .body("costing.records", equalTo(1)).body("costing.pending", equalTo(1));

        String otherTenant = TestTokens.get().token("t-" + UUID.randomUUID(), "ingest", "admin");
        given().auth().oauth2(otherTenant).get("/api/v1/batches/" + batch).then().statusCode(404)
                .contentType("application/problem+json");
        // The other tenant cannot ingest into this tenant's plant either: it does not exist for them.
        given().auth().oauth2(otherTenant).contentType("text/csv")
                .body(HEADER + "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020\n")
                .post("/api/v1/sources/plex-mes/records/defects").then().statusCode(422)
                .body("errors[0].field", equalTo("plant"));
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        given().contentType("text/csv").body(HEADER).post("/api/v1/sources/plex-mes/records/defects").then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.get().token(tenant, "quality")).contentType("text/csv").body(HEADER)
                .post("/api/v1/sources/plex-mes/records/defects").then().statusCode(403);
        given().auth().oauth2(TestTokens.get().token(tenant, "quality")).get("/api/v1/batches/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    private io.restassured.response.ValidatableResponse postCsv(String type, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv)
                .post("/api/v1/sources/plex-mes/records/" + type).then();
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple())).map(rows -> {
            Object value = rows.iterator().next().getValue(0);
            return value == null ? 0L : ((Number) value).longValue();
        }).await().indefinitely();
    }
}

package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/** Every record type of the contract, as CSV and as JSON: stored, a re-send a duplicate, a change a new version. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RecordTypesTest {

    /** One valid record of each type as CSV (header and row), and the field a changed re-send alters. */
    private static final Map<RecordType, String[]> SAMPLES = Map.of(RecordType.DEFECTS,
            new String[] { "source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at",
                    "MES-1,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00", "3", "4" },
            RecordType.NCRS,
            new String[] { "source_id,plant,status,opened_at,disposition,defect_code,quantity,corrective_action_status",
                    "NCR-77,DAY1,open,2026-10-14T10:00:00-04:00,scrap,D-114,3,open", "open", "closed" },
            RecordType.REWORK_LABOR,
            new String[] { "source_id,plant,work_center,hours,performed_at,ncr,labor_rate",
                    "LAB-5,DAY1,WC-120,1.5,2026-10-15T08:00:00-04:00,NCR-77,42.00", "1.5", "2.25" },
            RecordType.STANDARD_COSTS,
            new String[] { "part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from",
                    "100-4471-A,DAY1,0010,120.00,30.00,20.00,USD,2026-01-01", "120.00", "121.00" },
            RecordType.LABOR_RATES,
            new String[] { "plant,rate,currency,effective_from", "DAY1,38.50,USD,2026-01-01", "38.50", "39.00" },
            RecordType.CONFIRMATIONS,
            new String[] { "source_id,plant,work_order,part,operation,yield_quantity,scrap_quantity,confirmed_at",
                    "CNF-9,DAY1,WO-41001,100-4471-A,0020,97,3,2026-10-14T16:00:00-04:00", "97", "96" },
            RecordType.WORK_ORDERS,
            new String[] { "work_order,plant,part,status,costing_method,wip_total,completed_quantity,scrap_action",
                    "WO-41001,DAY1,100-4471-A,released,actual,21840.00,97,write_off", "released", "closed" },
            RecordType.GL_POSTINGS,
            new String[] { "source_id,plant,account,period,amount,currency,work_order,reason_code",
                    "JE-2610-0042,DAY1,5400-SCRAP,2026-10,1250.40,USD,WO-41001,MACH-DIM", "1250.40", "-1250.40" });

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

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyTypeIsStoredAsCsvAndVersionedOnChange(RecordType type) {
        String[] sample = SAMPLES.get(type);
        String csv = sample[0] + "\n" + sample[1] + "\n";
        post(type, "text/csv", csv).body("accepted", equalTo(1));
        post(type, "text/csv", csv).body("duplicates", equalTo(1)).body("accepted", equalTo(0));
        String changed = sample[0] + "\n"
                + sample[1].replaceFirst("," + sample[2].replace(".", "\\.") + "(,|$)", "," + sample[3] + "$1") + "\n";
        post(type, "text/csv", changed).body("updated", equalTo(1));

        assertThat(count("SELECT count(*) FROM " + type.table())).isEqualTo(2);
        assertThat(count("SELECT max(version) FROM " + type.table())).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyTypeIsStoredAsJson(RecordType type) {
        String[] sample = SAMPLES.get(type);
        String[] names = sample[0].split(",");
        String[] values = sample[1].split(",");
        StringBuilder json = new StringBuilder("[{");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(names[i]).append("\":\"").append(values[i]).append('"');
        }
        json.append("}]");
        post(type, ContentType.JSON.toString(), json.toString()).body("accepted", equalTo(1));
        assertThat(count("SELECT count(*) FROM " + type.table())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void aMissingRequiredFieldIsNamedForEveryType(RecordType type) {
        String[] sample = SAMPLES.get(type);
        String firstRequired = type.fields().stream().filter(f -> f.required()).findFirst().orElseThrow().name();
        int column = java.util.Arrays.asList(sample[0].split(",")).indexOf(firstRequired);
        String[] values = sample[1].split(",", -1);
        values[column] = "";
        given().auth().oauth2(token).contentType("text/csv").body(sample[0] + "\n" + String.join(",", values) + "\n")
                .post("/api/v1/sources/src/records/" + type.path()).then().statusCode(422)
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo(firstRequired))
                .body("errors[0].message", equalTo("is required"));
        assertThat(count("SELECT count(*) FROM " + type.table())).isZero();
    }

    private io.restassured.response.ValidatableResponse post(RecordType type, String contentType, String body) {
        return given().auth().oauth2(token).contentType(contentType).body(body)
                .post("/api/v1/sources/src/records/" + type.path()).then().statusCode(201);
    }

    private long count(String sql) {
        return db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.tuple())).map(rows -> {
            Object value = rows.iterator().next().getValue(0);
            return value == null ? 0L : ((Number) value).longValue();
        }).await().indefinitely();
    }
}

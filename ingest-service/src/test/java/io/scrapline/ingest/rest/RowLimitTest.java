package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;

/** A batch over the row limit is refused with 413, whichever chunk crosses it, and nothing of it is stored. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(RowLimitTest.SmallLimits.class)
class RowLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scrapline.ingest.max-rows", "5", "scrapline.ingest.chunk-size", "2");
        }
    }

    @Inject
    TenantDb db;

    @Test
    void aBatchOverTheRowLimitIs413AndStoresNothing() {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        StringBuilder csv = new StringBuilder(
                "source_id,plant,line,work_center,part,defect_code,quantity," + "disposition,occurred_at\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("MES-").append(i).append(",DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00\n");
        }
        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).contentType("text/csv").body(csv.toString())
                .post("/api/v1/sources/src/records/defects").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", containsString("at most 5 rows"));
        long stored = db
                .inTenant(tenant, connection -> connection.query("SELECT count(*) FROM defect_records").execute())
                .map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
        assertThat(stored).isZero();
    }
}

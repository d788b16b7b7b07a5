package io.scrapline.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.ApiFuzzer;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;

/** The hostile-input corpus against every operation of the ingest service: no 500, every refusal a problem. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IngestFuzzTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TenantDb db;

    @Test
    void noRequestAnswers500OrStoresWhatItRefuses() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        String token = TestTokens.get().token(tenant, "admin", "ingest", "quality", "controller", "supervisor");
        io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body("{\"source\": \"mes\"}").post("/api/v1/sources").then().statusCode(201);
        try (Connection owner = ApiFuzzer.ownerConnection()) {
            ApiFuzzer.Report report = new ApiFuzzer(base, token, ApiFuzzer.tenantRows(owner, tenant))
                    .sample("source", "mes").sample("type", "defects").sample("plant", "DAY1")
                    .sample("batch_id", "0b9f6f0e-7a38-4b8e-9a43-2f7e9f1c2d11").sample("connector", "erp")
                    // The connector made by an accepted request runs on its schedule, logging each run.
                    .ignoreTables("connector_runs").run();
            Log.infof("ingest fuzz: %s", report);
            assertThat(report.operations()).isGreaterThanOrEqualTo(4);
            assertThat(report.findings()).isEmpty();
        }
    }
}

package io.scrapline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SourceResourceTest {

    @Inject
    TenantDb db;

    @Inject
    SecretBox box;

    private String tenant;
    private String admin;

    @BeforeEach
    void newTenant() {
        tenant = "t-" + UUID.randomUUID();
        admin = TestTokens.get().token(tenant, "admin");
    }

    @Test
    void createsASourceAndShowsItsSecretOnce() {
        JsonPath created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("source", "plex-mes", "description", "Plex MES, Dayton plant")).post("/api/v1/sources")
                .then().statusCode(201).header("Location", endsWith("/api/v1/sources/plex-mes"))
                .body("source", equalTo("plex-mes")).body("description", equalTo("Plex MES, Dayton plant"))
                .body("created_at", notNullValue()).body("secret_rotated_at", notNullValue())
                .body("webhook_secret", startsWith("whsec_")).extract().jsonPath();
        String secret = created.getString("webhook_secret");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(storedSecret("plex-mes")).as("sealed at rest").startsWith("enc:v1:devtest:").doesNotContain(secret);
        assertThat(box.open(storedSecret("plex-mes"))).isEqualTo(secret);

        String shown = given().auth().oauth2(admin).get("/api/v1/sources/plex-mes").then().statusCode(200)
                .body("source", equalTo("plex-mes")).body("description", equalTo("Plex MES, Dayton plant"))
                .body("has_webhook_secret", equalTo(true)).body("last_ingest_at", nullValue())
                .body("connectors", empty()).extract().asString();
        assertThat(shown).doesNotContain(secret).doesNotContain("\"webhook_secret\"");
    }

    @Test
    void refusesToCreateASourceTwice() {
        create("plex-mes");
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("source", "plex-mes"))
                .post("/api/v1/sources").then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", containsString("plex-mes"));
    }

    @Test
    void refusesAnInvalidSourceName() {
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("source", "plex mes/../x", "description", "x".repeat(501))).post("/api/v1/sources").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("description", "source")));
        given().auth().oauth2(admin).contentType("application/json").body("{\"description\": \"no name\"}")
                .post("/api/v1/sources").then().statusCode(422).body("errors.field", equalTo(List.of("source")));
    }

    @Test
    void listsSourcesWithTheirConnectorsAndAutoRegisteredOnes() {
        create("plex-mes");
        // A source registered by its first batch has no secret until one is issued.
        db.inTenant(tenant,
                connection -> connection
                        .query("INSERT INTO plants (tenant_id, plant_id, name, currency, "
                                + "time_zone) VALUES (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York')")
                        .execute())
                .await().indefinitely();
        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).contentType("text/csv")
                .body("part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from\n"
                        + "100-4471-A,DAY1,0010,120.00,30.00,20.00,USD,2026-01-01\n")
                .post("/api/v1/sources/sap-erp/records/standard-costs").then().statusCode(201);
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO connectors (tenant_id, source, connector, kind, record_type, config, status, last_run_at,
                    last_error, next_run_at)
                VALUES (current_tenant(), 'plex-mes', 'ncr-log', 'rest', 'ncrs', '{}'::jsonb, 'failed', now(),
                    'HTTP 503 from https://qms.example/ncrs', now() + interval '1 hour')
                """).execute()).await().indefinitely();

        given().auth().oauth2(TestTokens.get().token(tenant, "ingest")).get("/api/v1/sources").then().statusCode(200)
                .body("source", equalTo(List.of("plex-mes", "sap-erp")))
                .body("has_webhook_secret", equalTo(List.of(true, false))).body("[1].last_ingest_at", notNullValue())
                .body("[1].connectors", empty()).body("[0].connectors", hasSize(1))
                .body("[0].connectors[0].connector", equalTo("ncr-log")).body("[0].connectors[0].kind", equalTo("rest"))
                .body("[0].connectors[0].record_type", equalTo("ncrs")).body("[0].connectors[0].enabled", equalTo(true))
                .body("[0].connectors[0].status", equalTo("failed"))
                .body("[0].connectors[0].last_run_at", notNullValue())
                .body("[0].connectors[0].last_success_at", nullValue())
                .body("[0].connectors[0].last_error", containsString("503"))
                .body("[0].connectors[0].next_run_at", notNullValue());

        // An auto-registered source exists: creating it again is a conflict; rotating issues its first secret.
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("source", "sap-erp"))
                .post("/api/v1/sources").then().statusCode(409);
        given().auth().oauth2(admin).post("/api/v1/sources/sap-erp/webhook-secret/rotate").then().statusCode(200)
                .body("webhook_secret", startsWith("whsec_")).body("previous_secret_expires_at", nullValue());
        given().auth().oauth2(admin).get("/api/v1/sources/sap-erp").then().statusCode(200)
                .body("has_webhook_secret", equalTo(true)).body("previous_secret_expires_at", nullValue());
    }

    @Test
    void rotatingKeepsThePreviousSecretForTheGracePeriod() {
        String first = create("plex-mes");
        JsonPath rotated = given().auth().oauth2(admin).post("/api/v1/sources/plex-mes/webhook-secret/rotate").then()
                .statusCode(200).contentType("application/json").body("source", equalTo("plex-mes"))
                .body("webhook_secret", startsWith("whsec_")).extract().jsonPath();
        String second = rotated.getString("webhook_secret");
        assertThat(second).isNotEqualTo(first);
        OffsetDateTime rotatedAt = OffsetDateTime.parse(rotated.getString("secret_rotated_at"));
        OffsetDateTime expires = OffsetDateTime.parse(rotated.getString("previous_secret_expires_at"));
        assertThat(expires).isCloseTo(rotatedAt.plusHours(24), within(1, ChronoUnit.SECONDS));
        assertThat(box.open(storedSecret("plex-mes"))).isEqualTo(second);

        given().auth().oauth2(admin).get("/api/v1/sources/plex-mes").then().statusCode(200)
                .body("secret_rotated_at", notNullValue()).body("previous_secret_expires_at", notNullValue());
    }

    @Test
    void anotherTenantSeesNothingOfTheSource() {
        create("plex-mes");
        String other = "t-" + UUID.randomUUID();
        String otherAdmin = TestTokens.get().token(other, "admin");
        given().auth().oauth2(otherAdmin).get("/api/v1/sources/plex-mes").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(otherAdmin).post("/api/v1/sources/plex-mes/webhook-secret/rotate").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(otherAdmin).get("/api/v1/sources").then().statusCode(200).body("$", empty());
        // The name is the tenant's own: another tenant may have a source of the same name.
        given().auth().oauth2(otherAdmin).contentType("application/json").body(Map.of("source", "plex-mes"))
                .post("/api/v1/sources").then().statusCode(201);
    }

    @Test
    void unknownSourcesAreNotFound() {
        given().auth().oauth2(admin).get("/api/v1/sources/nope").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("nope"));
        given().auth().oauth2(admin).post("/api/v1/sources/nope/webhook-secret/rotate").then().statusCode(404);
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        create("plex-mes");
        String ingest = TestTokens.get().token(tenant, "ingest");
        String quality = TestTokens.get().token(tenant, "quality");
        given().get("/api/v1/sources").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("source", "x")).post("/api/v1/sources").then()
                .statusCode(401);
        given().auth().oauth2(quality).get("/api/v1/sources").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(quality).get("/api/v1/sources/plex-mes").then().statusCode(403);
        given().auth().oauth2(ingest).get("/api/v1/sources/plex-mes").then().statusCode(200);
        given().auth().oauth2(ingest).contentType("application/json").body(Map.of("source", "x"))
                .post("/api/v1/sources").then().statusCode(403);
        given().auth().oauth2(ingest).post("/api/v1/sources/plex-mes/webhook-secret/rotate").then().statusCode(403);
        assertThat(storedSecret("x")).isNull();
    }

    private String create(String source) {
        return given().auth().oauth2(admin).contentType("application/json").body(Map.of("source", source))
                .post("/api/v1/sources").then().statusCode(201).extract().path("webhook_secret");
    }

    private String storedSecret(String source) {
        return db
                .inTenant(tenant,
                        connection -> connection
                                .preparedQuery("SELECT webhook_secret FROM source_systems WHERE source = $1")
                                .execute(Tuple.of(source)))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null).await()
                .indefinitely();
    }
}

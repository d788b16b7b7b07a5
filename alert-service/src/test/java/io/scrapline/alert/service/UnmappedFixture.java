package io.scrapline.alert.service;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A tenant whose plants DAY1 (New York) and DAY2 (Chicago) park events as costing does, and the audience
 * {@code master-data} of the people who keep its cross-references: a data steward, a supervisor limited to line L1 (who
 * gets no notice) and a member reached by SMS only. Addresses are under the tenant's own mail domain, so the tests of
 * one SMTP server tell their tenants' emails apart.
 */
final class UnmappedFixture {

    static final String SOURCE = "plex-mes";

    private UnmappedFixture() {
    }

    static String domain(String tenant) {
        return tenant + ".example.com";
    }

    static String steward(String tenant) {
        return "steward@" + domain(tenant);
    }

    static String supervisor(String tenant) {
        return "supervisor@" + domain(tenant);
    }

    static void tenant(TenantDb db, String tenant) {
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone)
                VALUES (current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/Chicago')
                """).execute(Tuple.tuple())).await().indefinitely();
        given().auth().oauth2(admin(tenant)).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("name", "Lee Park", "role", "admin", "email", steward(tenant)),
                        Map.of("name", "Ana Ruiz", "role", "supervisor", "email", supervisor(tenant), "lines",
                                List.of("L1")),
                        Map.of("name", "On Call", "role", "quality", "phone", "+15005550006"))))
                .put("/api/v1/audiences/master-data").then().statusCode(204);
    }

    static String admin(String tenant) {
        return TestTokens.get().token(tenant, "admin");
    }

    /** Stores the settings with an administrator's token. */
    static ValidatableResponse settings(String tenant, Map<String, Object> body) {
        return given().auth().oauth2(admin(tenant)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/alerts/reference-notices").then();
    }

    /** As if the digest had begun {@code ago}: the digests due since are due. */
    static void backdateDigest(TenantDb db, String tenant, Duration ago) {
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                UPDATE reference_notice_settings SET digest_since = digest_since - $1 * interval '1 second'
                """).execute(Tuple.of(ago.toSeconds()))).await().indefinitely();
    }

    /** An event parked as costing parks it. */
    record Parked(String plant, String reason, String part, String code, String quantity, String estimate) {

        static Parked part(String plant, String part, String quantity) {
            return new Parked(plant, "unmapped_part", part, "D-114", quantity, null);
        }

        static Parked code(String plant, String code, String quantity, String estimate) {
            return new Parked(plant, "unmapped_defect_code", "MFG-4471", code, quantity, estimate);
        }

        static Parked other(String plant, String reason, String quantity) {
            return new Parked(plant, reason, "MFG-9000", "D-114", quantity, null);
        }

        /** Writes the defect record and its open exception; the exception's id. */
        long park(TenantDb db, String tenant) {
            String sourceId = "MES-" + UUID.randomUUID();
            return db.inTenant(tenant, connection -> connection.preparedQuery("""
                    INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash,
                        plant_id, line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at)
                    VALUES (current_tenant(), $1, $2, 1, $3, 'h', $4, 'L1', 'WC-110', $5, $6, $7, 'scrap', $8)
                    RETURNING record_id
                    """)
                    .execute(Tuple.tuple().addValue(SOURCE).addValue(sourceId).addValue(UUID.randomUUID())
                            .addValue(plant).addValue(part).addValue(code).addValue(new BigDecimal(quantity))
                            .addValue(OffsetDateTime.now()))
                    .chain(rows -> connection.preparedQuery("""
                            INSERT INTO costing_exceptions (tenant_id, record_id, source, source_id, plant_id, period,
                                quantity, reason, detail, line_id, estimated_amount)
                            VALUES (current_tenant(), $1, $2, $3, $4, '2026-11', $5, $6, 'as costing says', 'L1', $7)
                            RETURNING exception_id
                            """)
                            .execute(Tuple.tuple().addValue(rows.iterator().next().getLong(0)).addValue(SOURCE)
                                    .addValue(sourceId).addValue(plant).addValue(new BigDecimal(quantity))
                                    .addValue(reason).addValue(estimate == null ? null : new BigDecimal(estimate))))
                    .map(rows -> rows.iterator().next().getLong(0))).await().indefinitely();
        }
    }

    /** Closes every open exception of the tenant, as costing does once their data arrived. */
    static void closeAll(TenantDb db, String tenant) {
        db.inTenant(tenant,
                connection -> connection.query(
                        "UPDATE costing_exceptions SET status = 'closed', closed_at = now() " + "WHERE status = 'open'")
                        .execute())
                .await().indefinitely();
    }
}

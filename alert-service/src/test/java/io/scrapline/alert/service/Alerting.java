package io.scrapline.alert.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.scrapline.alert.domain.Notice;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Measure;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.Notice.Window;
import io.scrapline.alert.domain.Notice.WindowKind;
import io.scrapline.alert.rest.CostedEvents;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A new tenant with two plants (DAY1 in New York, PA2 in UTC), for the delivery tests: audiences, rules and alerts
 * through the API, alerts logged directly for the seam's own callers, and reads of the tables. Addresses carry the
 * tenant's tag, so that tests sharing the SMTP and HTTP servers find their own messages.
 */
final class Alerting {

    static final String PROBLEM = "application/problem+json";
    static final ZoneId DAYTON = ZoneId.of("America/New_York");

    final TenantDb db;
    final String tenant = "t-" + UUID.randomUUID();
    final String tag = tenant.substring(2, 10);
    final String admin = TestTokens.get().token(tenant, "admin");

    Alerting(TenantDb db) {
        this.db = db;
        sql("INSERT INTO tenants (tenant_id) VALUES (current_tenant())");
        sql("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES (current_tenant(), 'DAY1', "
                + "'Dayton', 'USD', 'America/New_York'), (current_tenant(), 'PA2', 'Plant 2', 'USD', 'UTC')");
    }

    String email(String who) {
        return who + "." + tag + "@example.com";
    }

    /** A number of its own in E.164. */
    static String phone() {
        return "+1937" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    String token(String... roles) {
        return TestTokens.get().token(tenant, roles);
    }

    /** The token costing-service prompts this tenant's evaluations with. */
    String service() {
        return TestServiceTokens.get().token("costing-service", tenant);
    }

    static Map<String, Object> member(String name, Object... fields) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", name);
        member.put("role", "quality");
        for (int i = 0; i < fields.length; i += 2) {
            member.put((String) fields[i], fields[i + 1]);
        }
        return member;
    }

    ValidatableResponse putAudience(String audience, List<Map<String, Object>> members) {
        return put(admin, "/api/v1/audiences/" + audience, Map.of("members", members));
    }

    ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    ValidatableResponse delete(String path) {
        return given().auth().oauth2(admin).delete(path).then();
    }

    /** A GET with the token, or none when it is null. */
    ValidatableResponse get(String token, String path) {
        return (token == null ? given() : given().auth().oauth2(token)).get(path).then();
    }

    /**
     * Raises an alert through the API: a rule on {@code code}'s cost in DAY1's period 2026-10 for the audience, a
     * costed event over its threshold, and costing's prompt; returns the alert's id once it is logged.
     */
    long raise(String code, String audience) {
        put(admin, "/api/v1/alert-rules/r-" + code.toLowerCase(), Map.of("plant", "DAY1", "defect_code", code, "metric",
                "cost", "window", "period", "threshold", "500.00", "audience", audience)).statusCode(204);
        CostedEvents.event(code, "873.60", Instant.parse("2026-10-14T16:00:00Z")).insert(db, tenant);
        post(service(), "/api/v1/alerts/evaluations",
                Map.of("plant", "DAY1", "period", "2026-10", "defect_codes", List.of(code))).statusCode(200);
        await(() -> count("SELECT count(*) FROM alert_log WHERE rule_id = $1", "r-" + code.toLowerCase()) == 1);
        return count("SELECT alert_id FROM alert_log WHERE rule_id = $1", "r-" + code.toLowerCase());
    }

    /** An alert logged directly, as the evaluation logs one before it calls the seam; its rule has no rollups. */
    long logAlert(String plant, String audience) {
        String rule = "seam-" + UUID.randomUUID().toString().substring(0, 8);
        sql("INSERT INTO alert_rules (tenant_id, rule_id, plant_id, defect_code, metric, time_window, threshold, "
                + "audience_id) VALUES (current_tenant(), $1, $2, 'SEAM-CODE', 'cost', 'period', 2000, $3)", rule,
                plant, audience);
        return count("""
                INSERT INTO alert_log (tenant_id, rule_id, plant_id, period, defect_code, value, threshold, currency,
                    recipients, status, level, metric, window_kind, window_key)
                VALUES (current_tenant(), $1, $2, '2026-10', 'SEAM-CODE', 2500.00, 2000.00, 'USD', '{}', 'pending',
                    'warning', 'cost', 'period_to_date', 'period/2026-10')
                RETURNING alert_id
                """, rule, plant);
    }

    /** What an alert of the seam says. */
    static Notice notice(long alertId, Level level, String plant) {
        ZonedDateTime start = ZonedDateTime.of(2026, 10, 14, 14, 0, 0, 0, DAYTON);
        return new Notice(String.valueOf(alertId), Instant.now(), level, "seam-rule", "Shift cost", plant, null, null,
                null, "B", "SEAM-CODE", null,
                new Measure(Metric.COST, new BigDecimal("2500.00"), new BigDecimal("2000.00")), "USD", null,
                new Window(WindowKind.SHIFT, start, start.plusHours(8), "B"), List.of(), List.of());
    }

    /** Opens the alert's deliveries through the seam, due only in an hour, so that no worker takes them yet. */
    void openHeld(DeliveryService deliveries, long alert, String audience) {
        db.inTenant(tenant, connection -> deliveries
                .open(connection, alert, Level.WARNING, List.of(audience), null, notice(alert, Level.WARNING, "DAY1"))
                .chain(() -> connection
                        .preparedQuery("UPDATE alert_deliveries SET next_attempt_at = now() + interval '1 hour' "
                                + "WHERE alert_id = $1")
                        .execute(Tuple.of(alert))))
                .await().indefinitely();
    }

    /** The delivery of the alert on the channel to the destination. */
    long delivery(long alert, String channel, String destination) {
        return count("SELECT delivery_id FROM alert_deliveries WHERE alert_id = $1 AND channel = $2 "
                + "AND destination = $3", alert, channel, destination);
    }

    /** Makes a queued delivery due now, as if its wait had passed; the give-up clock moves back as far. */
    void passWaitOf(long delivery) {
        sql("""
                UPDATE alert_deliveries SET first_due_at = first_due_at - (next_attempt_at - now()),
                    next_attempt_at = now()
                WHERE delivery_id = $1 AND status = 'queued'
                """, delivery);
    }

    long count(String sql, Object... parameters) {
        Row row = row(sql, parameters);
        return row == null || row.getValue(0) == null ? 0 : ((Number) row.getValue(0)).longValue();
    }

    String text(String sql, Object... parameters) {
        Row row = row(sql, parameters);
        return row == null || row.getValue(0) == null ? null : row.getValue(0).toString();
    }

    Row row(String sql, Object... parameters) {
        return db
                .inTenant(tenant,
                        connection -> connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters))))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next()).await().indefinitely();
    }

    void sql(String sql, Object... parameters) {
        db.inTenant(tenant, connection -> connection.preparedQuery(sql).execute(Tuple.from(Arrays.asList(parameters)))
                .replaceWithVoid()).await().indefinitely();
    }

    static void await(BooleanSupplier condition) {
        await(condition, Duration.ofSeconds(30));
    }

    static void await(BooleanSupplier condition, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + atMost.toSeconds() + " s").isBefore(deadline);
            pause(Duration.ofMillis(200));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

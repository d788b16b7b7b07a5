package io.scrapline.alert.rest;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.alert.rest.CostedEvents.Event;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * A tenant with plant DAY1 (New York time), the audiences of the seed (quality, quality managers, plant managers),
 * defect codes in two categories, and the calls of the evaluation tests: rules through the API, costed events, and the
 * prompts costing sends for them.
 */
final class AlertFixture {

    final TenantDb db;
    final String tenant = "t-" + UUID.randomUUID();
    // Addresses of the tenant's own, so that a test finds its messages among late ones of the tests before it.
    final String dana = "dana.ortiz." + tenant.substring(2, 10) + "@example.com";
    final String qualityManager = "morgan.reyes." + tenant.substring(2, 10) + "@example.com";
    final String plantManager = "sam.patel." + tenant.substring(2, 10) + "@example.com";
    final String admin = TestTokens.get().token(tenant, "admin");

    private final TenantRows rows;

    AlertFixture(TenantDb db) {
        this.db = db;
        this.rows = new TenantRows(db, tenant);
        sql("INSERT INTO tenants (tenant_id) VALUES (current_tenant())");
        sql("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) "
                + "VALUES (current_tenant(), 'DAY1', 'Dayton', 'USD', 'America/New_York')");
        for (String[] code : new String[][] { { "MACH-DIM", "MACHINING" }, { "MACH-BURR", "MACHINING" },
                { "WELD-POR", "WELDING" } }) {
            sql("INSERT INTO defect_codes (tenant_id, code, description, category, coq_class) "
                    + "VALUES (current_tenant(), $1, $1, $2, 'internal_failure')", code[0], code[1]);
        }
        audience("quality", dana);
        audience("quality-managers", qualityManager);
        audience("plant-managers", plantManager);
    }

    /** {@code daysAgo} days before today in Dayton, at {@code hour}:00 there. */
    static Instant day(int daysAgo, int hour) {
        return LocalDate.now(CostedEvents.NEW_YORK).minusDays(daysAgo).atTime(hour, 0).atZone(CostedEvents.NEW_YORK)
                .toInstant();
    }

    /** The date in Dayton, as a window key writes it. */
    static String date(Instant at) {
        return ZonedDateTime.ofInstant(at, CostedEvents.NEW_YORK).toLocalDate().toString();
    }

    void audience(String id, String email) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("role", "quality", "email", email))))
                .put("/api/v1/audiences/" + id).then().statusCode(204);
    }

    /** A rule of plant DAY1 with one threshold of each level given as {@code level, value or factor:N, audiences}. */
    static Map<String, Object> rule(String metric, String window, Map<String, Object> scope, Object... thresholds) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("plant", "DAY1");
        rule.putAll(scope);
        rule.put("metric", metric);
        rule.put("window", window);
        rule.put("thresholds", Arrays.asList(thresholds));
        return rule;
    }

    static Map<String, Object> absolute(String level, String value, String... audiences) {
        return Map.of("level", level, "value", value, "audiences", List.of(audiences));
    }

    static Map<String, Object> relative(String level, String factor, int windows, String... audiences) {
        return Map.of("level", level, "factor", factor, "trailing_windows", windows, "audiences", List.of(audiences));
    }

    void putRule(String id, Map<String, Object> rule) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(rule).put("/api/v1/alert-rules/" + id).then()
                .statusCode(204);
    }

    /** Writes the events and prompts as costing does after it commits them; the alerts it opened. */
    int cost(Event... events) {
        for (Event event : events) {
            event.insert(db, tenant);
        }
        return prompt(events).extract().path("opened");
    }

    /** The prompt costing sends for {@code events} (of one period): their codes, lines, work centers, shifts, times. */
    ValidatableResponse prompt(Event... events) {
        Map<String, Object> prompt = new LinkedHashMap<>();
        prompt.put("plant", events[0].plant());
        prompt.put("period",
                events[0].period() != null ? events[0].period() : date(events[0].occurredAt()).substring(0, 7));
        prompt.put("defect_codes", distinct(events, Event::code));
        prompt.put("lines", distinct(events, Event::line));
        prompt.put("work_centers", distinct(events, Event::workCenter));
        prompt.put("shifts", distinct(events, Event::shift));
        prompt.put("occurred_from",
                Arrays.stream(events).map(Event::occurredAt).min(Instant::compareTo).orElseThrow().toString());
        prompt.put("occurred_to",
                Arrays.stream(events).map(Event::occurredAt).max(Instant::compareTo).orElseThrow().toString());
        return evaluate(prompt);
    }

    ValidatableResponse evaluate(Map<String, Object> prompt) {
        return given().auth().oauth2(TestServiceTokens.get().token("costing-service", tenant))
                .contentType(ContentType.JSON).body(prompt).post("/api/v1/alerts/evaluations").then().statusCode(200);
    }

    /** The alert log, newest first. */
    JsonPath alerts() {
        return given().auth().oauth2(admin).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    /** The alerts of {@code rule}, newest first. */
    List<Map<String, Object>> alertsOf(String rule) {
        List<Map<String, Object>> all = alerts().getList("");
        return all.stream().filter(alert -> rule.equals(alert.get("rule"))).toList();
    }

    /** An alert's window instance. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> window(Map<String, Object> alert) {
        return (Map<String, Object>) alert.get("window");
    }

    long count(String sql) {
        return rows.count(sql);
    }

    void sql(String sql, Object... parameters) {
        rows.sql(sql, parameters);
    }

    private static List<String> distinct(Event[] events, java.util.function.Function<Event, String> field) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(events).map(field).toList()));
    }
}

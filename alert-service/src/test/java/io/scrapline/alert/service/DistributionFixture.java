package io.scrapline.alert.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.restassured.http.ContentType;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.platform.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A tenant whose plant DAY1 (New York time, lines L1 and L2) has an audience of every role, and reporting's stand-in
 * serving a report per view and line whose bytes say which they are ({@code pdf|controller|-},
 * {@code xlsx|supervisor|L2}), so a test can tell which view each recipient got.
 */
final class DistributionFixture {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The views reporting's stand-in serves: view (null: every section) and line (null: the whole plant). */
    private static final List<List<String>> VIEWS = List.of(Arrays.asList(null, null),
            Arrays.asList("controller", null), Arrays.asList("quality", null), Arrays.asList("supervisor", "L1"),
            Arrays.asList("supervisor", "L2"));

    private DistributionFixture() {
    }

    /** The addresses of the audience's members, by role, under the tenant's own mail domain. */
    static Map<String, String> members(String tenant) {
        Map<String, String> members = new LinkedHashMap<>();
        for (String role : List.of("controller", "quality", "supervisor", "admin")) {
            members.put(role, role + "@" + domain(tenant));
        }
        return members;
    }

    static String domain(String tenant) {
        return tenant + ".example.com";
    }

    /**
     * The tenant, DAY1 with lines L1 and L2, and the audience {@code plant-team}: a controller, quality, a supervisor
     * of L1 and L2, a supervisor of L9 only (no line of DAY1: no report) and an administrator.
     */
    static void tenant(TenantDb db, String tenant) {
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> connection.preparedQuery("""
                INSERT INTO lines (tenant_id, plant_id, line_id)
                VALUES (current_tenant(), 'DAY1', 'L1'), (current_tenant(), 'DAY1', 'L2')
                """).execute(Tuple.tuple())).await().indefinitely();
        Map<String, String> members = members(tenant);
        given().auth().oauth2(TestTokens.get().token(tenant, "admin")).contentType(ContentType.JSON)
                .body(Map.of("members",
                        List.of(Map.of("name", "Dana Ortiz", "role", "controller", "email", members.get("controller")),
                                Map.of("name", "Sam Lee", "role", "quality", "email", members.get("quality")),
                                Map.of("name", "Ana Ruiz", "role", "supervisor", "email", members.get("supervisor"),
                                        "lines", List.of("L2", "L1")),
                                Map.of("name", "Bo Chen", "role", "supervisor", "email", "elsewhere@" + domain(tenant),
                                        "lines", List.of("L9")),
                                Map.of("name", "Kim Park", "role", "admin", "email", members.get("admin")))))
                .put("/api/v1/audiences/plant-team").then().statusCode(204);
    }

    /** Stores a subscription of {@code plant-team} with an administrator's token. */
    static void subscribe(String tenant, String id, Map<String, Object> body) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("audience", "plant-team"));
        all.putAll(body);
        given().auth().oauth2(TestTokens.get().token(tenant, "admin")).contentType(ContentType.JSON).body(all)
                .put("/api/v1/alerts/subscriptions/" + id).then().statusCode(200);
    }

    /** What the stand-in answers for a file of a view and line: its format, view and line. */
    static byte[] file(String format, String view, String line) {
        return (format + "|" + (view == null ? "full" : view) + "|" + (line == null ? "-" : line))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The stand-in's reports of every plant and cut, each view in JSON, PDF and spreadsheet, after {@code delayMs}. */
    static void stubReports(WireMockServer reporting, int delayMs) {
        for (List<String> view : VIEWS) {
            String name = view.get(0);
            String line = view.get(1);
            String total = line == null ? "100.00" : line.equals("L1") ? "60.00" : "40.00";
            reporting.stubFor(matching(name, line, "application/json").willReturn(
                    aResponse().withFixedDelay(delayMs).withHeader("Content-Type", "application/json").withBody("""
                            {"plant": "DAY1", "currency": "USD", "status": "open", "version": 1,
                             "totals": {"scrap_cost": "%s", "rework_cost": "0.00", "total_cost": "%s", "events": 2}}
                            """.formatted(total, total))));
            reporting.stubFor(matching(name, line, PDF).willReturn(aResponse().withFixedDelay(delayMs)
                    .withHeader("Content-Type", PDF).withBody(file("pdf", name, line))));
            reporting.stubFor(matching(name, line, XLSX).willReturn(aResponse().withFixedDelay(delayMs)
                    .withHeader("Content-Type", XLSX).withBody(file("xlsx", name, line))));
        }
    }

    static MappingBuilder matching(String view, String line, String accept) {
        return get(urlPathMatching("/api/v1/reports/[^/]+/.+")).withHeader("Accept", equalTo(accept))
                .withQueryParam("view", view == null ? absent() : equalTo(view))
                .withQueryParam("line", line == null ? absent() : equalTo(line));
    }
}

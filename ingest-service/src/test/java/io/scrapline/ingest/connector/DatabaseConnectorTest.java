package io.scrapline.ingest.connector;

import static io.restassured.RestAssured.given;
import static io.scrapline.ingest.connector.ConnectorTests.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedDatabase;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTokens;

/**
 * Database pulls against a PostgreSQL server of its own playing a plant's legacy MES, read with a watermark query that
 * fetches two rows a page.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DatabaseConnectorTest {

    private static final String FIELD_MAP = """
            {"defect_id": "source_id", "plant_code": "plant", "line": "line", "wc": "work_center",
             "part_no": "part", "code": "defect_code", "qty": "quantity", "disposition": "disposition",
             "occurred": "occurred_at"}""";

    private static final String REFUSED = "address not allowed by egress policy";

    private static EmbeddedDatabase legacy;

    @Inject
    TenantDb db;

    private String tenant;
    private String admin;
    /** This test's own table in the legacy MES. */
    private String table;

    @BeforeAll
    static void startLegacyMes() {
        legacy = EmbeddedDatabase.startListeningOn(ConnectorTests.ALLOWED_HOST);
    }

    @AfterAll
    static void stopLegacyMes() {
        legacy.close();
    }

    @BeforeEach
    void newTenantAndTable() throws SQLException {
        tenant = ConnectorTests.newTenantWithPlant(db);
        admin = TestTokens.get().token(tenant, "admin");
        table = "mes_defects_" + UUID.randomUUID().toString().replace("-", "");
        legacy("CREATE TABLE " + table + " (defect_id text PRIMARY KEY, plant_code text, line text, wc text, "
                + "part_no text, code text, qty_text text, disposition text, occurred timestamptz, "
                + "updated_at timestamptz NOT NULL)");
    }

    @Test
    void fetchesPageByPageUpToTheWatermarkAndLaterOnlyTheNewRows() throws SQLException {
        insertDefects(1, 5);
        putConnector(pagedQuery()).statusCode(201).body("config.password", equalTo("********"));

        JsonPath run = runNow();
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("pages")).isEqualTo(3);
        assertThat(run.getInt("records")).isEqualTo(5);
        assertThat(run.getString("cursor_before")).isNull();
        assertThat(run.getString("cursor_after")).isEqualTo("2026-10-14T13:05:00Z");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(5);
        assertThat(
                count(db, tenant,
                        "SELECT count(*) FROM defect_records WHERE source_id = 'L-2' AND quantity = 2 "
                                + "AND work_center_id = 'WC-110' AND occurred_at = '2026-10-14T11:02:00Z'"))
                                        .isEqualTo(1);

        insertDefects(6, 7);
        JsonPath later = runNow();
        assertThat(later.getString("status")).isEqualTo("succeeded");
        assertThat(later.getInt("records")).isEqualTo(2);
        assertThat(later.getInt("pages")).isEqualTo(1);
        assertThat(later.getString("cursor_before")).isEqualTo("2026-10-14T13:05:00Z");
        assertThat(later.getString("cursor_after")).isEqualTo("2026-10-14T13:07:00Z");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(7);
        assertThat(count(db, tenant, "SELECT max(version) FROM defect_records")).isEqualTo(1);
        given().auth().oauth2(admin).get(connectorPath()).then().statusCode(200)
                .body("cursor", equalTo("2026-10-14T13:07:00Z")).body(not(containsString("legacy-pw")));
    }

    @Test
    void aQueryFailingHalfwayKeepsTheFirstPageAndTheNextRunResumesWithoutGapOrDuplicate() throws SQLException {
        insertDefects(1, 5);
        // Row 3 cannot be read as a number: the query fails on the second page, as a source's database may.
        legacy("UPDATE " + table + " SET qty_text = 'three' WHERE defect_id = 'L-3'");
        putConnector(pagedQuery()).statusCode(201);

        JsonPath failed = runNow();
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getInt("pages")).isEqualTo(1);
        assertThat(failed.getInt("records")).isEqualTo(2);
        assertThat(failed.getString("cursor_after")).isEqualTo("2026-10-14T13:02:00Z");
        assertThat(failed.getString("error")).contains("query failed: SQLSTATE 22P02")
                .as("the database's message goes to the service log only").doesNotContain("three");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(2);

        legacy("UPDATE " + table + " SET qty_text = '3' WHERE defect_id = 'L-3'");
        JsonPath resumed = runNow();
        assertThat(resumed.getString("status")).isEqualTo("succeeded");
        assertThat(resumed.getString("cursor_before")).isEqualTo("2026-10-14T13:02:00Z");
        assertThat(resumed.getInt("records")).isEqualTo(3);
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isEqualTo(5);
        assertThat(count(db, tenant, "SELECT count(DISTINCT source_id) FROM defect_records")).isEqualTo(5);
        assertThat(count(db, tenant, "SELECT max(version) FROM defect_records")).isEqualTo(1);
    }

    @Test
    void theQueryRunsReadOnly() throws SQLException {
        insertDefects(1, 1);
        String sequence = table + "_seq";
        legacy("CREATE SEQUENCE " + sequence);
        putConnector("SELECT *, qty_text AS qty, nextval('" + sequence + "') AS n FROM " + table
                + " WHERE updated_at > $1::timestamptz").statusCode(201);

        JsonPath run = runNow();
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains("query failed: SQLSTATE 25006");
        try (Connection connection = legacy.ownerConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT is_called FROM " + sequence)) {
            rows.next();
            assertThat(rows.getBoolean(1)).as("the sequence was never advanced").isFalse();
        }
    }

    @Test
    void aDatabaseConnectorToThePlatformsOwnDatabaseIsRefused() {
        int platformPort = java.net.URI.create(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.reactive.url", String.class).replaceFirst("^vertx-reactive:", ""))
                .getPort();
        for (String host : List.of("localhost", "127.0.0.1", "::1", "2130706433")) {
            putConnector(host, platformPort, pagedQuery()).statusCode(422).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("config.host"))).body("errors[0].message", equalTo(REFUSED));
        }

        // Stored past the checks, with the query of the security review: its error would have carried every
        // tenant's webhook secret.
        ConnectorTests.storeDirectly(db, tenant, "legacy-mes", "defects", "database",
                """
                        {"host": "localhost", "port": %d, "database": "%s", "user": "%s", "password": "%s",
                         "query": "SELECT 1/0 AS x, (SELECT string_agg(tenant_id || '=' || webhook_secret, ',') FROM source_systems)::int AS updated_at WHERE now() > $1::timestamptz",
                         "watermark_column": "updated_at", "initial_watermark": "2026-01-01T00:00:00Z", "field_map": %s}"""
                        .formatted(platformPort, EmbeddedDatabase.DATABASE, EmbeddedDatabase.APP_ROLE,
                                EmbeddedDatabase.APP_PASSWORD, FIELD_MAP));
        JsonPath run = runNow();
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains(REFUSED).doesNotContain("whsec_");
    }

    @Test
    void aQueryOfTwoStatementsIsRefused() throws SQLException {
        insertDefects(1, 1);
        String twoStatements = "SELECT *, qty_text AS qty FROM " + table + " WHERE updated_at > $1::timestamptz; "
                + "SELECT set_config('app.tenant_id', 'other', false)";
        putConnector(twoStatements).statusCode(422).body("errors.field", equalTo(List.of("config.query")));

        // Stored past the checks, the run checks the stored settings again (and the query goes by the extended
        // protocol, which would refuse a string of two statements).
        ConnectorTests.storeDirectly(db, tenant, "legacy-mes", "defects", "database",
                config(ConnectorTests.ALLOWED_HOST, legacy.port(), twoStatements));
        JsonPath run = runNow();
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains("must be a single statement");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void aQueryPastTheStatementTimeoutIsStoppedWithTheClassOnly() throws SQLException {
        insertDefects(1, 1);
        putConnector(
                "SELECT *, qty_text AS qty, pg_sleep(10) AS nap FROM " + table + " WHERE updated_at > $1::timestamptz")
                        .statusCode(201);

        JsonPath run = runNow();
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains("query stopped: timed out (statement_timeout)");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isZero();
    }

    @Test
    void aQueryPastTheRowLimitIsStoppedAndAPagedOneEndsTheRunAtTheLimitAndGoesOnNextTime() throws SQLException {
        legacy("INSERT INTO " + table + " SELECT 'L-' || n, 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', n::text, "
                + "'scrap', timestamptz '2026-10-14T07:00:00-04:00' + n * interval '1 second', "
                + "timestamptz '2026-10-14T13:00:00Z' + n * interval '1 second' FROM generate_series(1, 70) n");
        putConnector("SELECT *, qty_text AS qty FROM " + table + " WHERE updated_at > $1::timestamptz "
                + "ORDER BY updated_at").statusCode(201);
        JsonPath unpaged = runNow();
        assertThat(unpaged.getString("status")).isEqualTo("failed");
        assertThat(unpaged.getString("error")).contains("query stopped: row limit reached (50 rows per run");
        assertThat(count(db, tenant, "SELECT count(*) FROM defect_records")).isZero();

        putConnector("SELECT *, qty_text AS qty FROM " + table + " WHERE updated_at > $1::timestamptz "
                + "ORDER BY updated_at LIMIT 30").statusCode(200);
        JsonPath first = runNow();
        assertThat(first.getString("status")).isEqualTo("succeeded");
        assertThat(first.getInt("records")).as("one page: the second would pass the limit").isEqualTo(30);
        JsonPath second = runNow();
        assertThat(second.getString("status")).isEqualTo("succeeded");
        assertThat(second.getInt("records")).as("the 40 left, within the limit").isEqualTo(40);
        assertThat(count(db, tenant, "SELECT count(DISTINCT source_id) FROM defect_records")).isEqualTo(70);
    }

    @Test
    void anErrorWhoseTextHoldsASecretDoesNotReachTheTenant() throws SQLException {
        insertDefects(1, 1);
        legacy("UPDATE " + table + " SET code = 'hunter2'");
        putConnector("SELECT *, code::int AS qty FROM " + table + " WHERE updated_at > $1::timestamptz")
                .statusCode(201);

        JsonPath run = runNow();
        assertThat(run.getString("status")).isEqualTo("failed");
        assertThat(run.getString("error")).contains("query failed: SQLSTATE 22P02").doesNotContain("hunter2");
        given().auth().oauth2(admin).get(connectorPath()).then().body(not(containsString("hunter2")));
    }

    /** Two rows a page. The page is picked first, so that only its rows are read as numbers. */
    private String pagedQuery() {
        return "SELECT defect_id, plant_code, line, wc, part_no, code, qty_text::numeric AS qty, disposition, "
                + "occurred, updated_at FROM (SELECT * FROM " + table + " WHERE updated_at > $1::timestamptz "
                + "ORDER BY updated_at LIMIT 2) page ORDER BY updated_at";
    }

    /** Defects L-from to L-to, occurred at 07:0n in Dayton and updated at 13:0n UTC. */
    private void insertDefects(int from, int to) throws SQLException {
        for (int n = from; n <= to; n++) {
            legacy(("INSERT INTO %s VALUES ('L-%d', 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', '%d', 'scrap', "
                    + "'2026-10-14T07:%02d:00-04:00', '2026-10-14T13:%02d:00Z')").formatted(table, n, n, n, n));
        }
    }

    private io.restassured.response.ValidatableResponse putConnector(String query) {
        return putConnector(ConnectorTests.ALLOWED_HOST, legacy.port(), query);
    }

    private io.restassured.response.ValidatableResponse putConnector(String host, int port, String query) {
        String body = """
                {"kind": "database", "record_type": "defects", "interval_seconds": 3600, "enabled": false,
                 "config": %s}""".formatted(config(host, port, query));
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(connectorPath()).then();
    }

    private static String config(String host, int port, String query) {
        return """
                {"host": "%s", "port": %d, "database": "%s", "user": "%s", "password": "legacy-pw", "query": "%s",
                 "watermark_column": "updated_at", "initial_watermark": "2026-01-01T00:00:00Z", "field_map": %s}"""
                .formatted(host, port, EmbeddedDatabase.DATABASE, EmbeddedDatabase.OWNER, query, FIELD_MAP);
    }

    private JsonPath runNow() {
        return given().auth().oauth2(admin).post(connectorPath() + "/run").then().statusCode(200).extract().jsonPath();
    }

    private static String connectorPath() {
        return "/api/v1/sources/legacy-mes/connectors/defects";
    }

    private static void legacy(String sql) throws SQLException {
        try (Connection connection = legacy.ownerConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

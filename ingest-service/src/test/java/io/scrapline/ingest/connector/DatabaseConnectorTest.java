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
import java.util.UUID;

import jakarta.inject.Inject;

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
        String body = """
                {"kind": "database", "record_type": "defects", "interval_seconds": 3600, "enabled": false,
                 "config": {"host": "%s", "port": %d, "database": "%s", "user": "%s", "password": "legacy-pw",
                            "query": "%s", "watermark_column": "updated_at",
                            "initial_watermark": "2026-01-01T00:00:00Z", "field_map": %s}}""".formatted(
                ConnectorTests.ALLOWED_HOST, legacy.port(), EmbeddedDatabase.DATABASE, EmbeddedDatabase.OWNER, query,
                FIELD_MAP);
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(connectorPath()).then();
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

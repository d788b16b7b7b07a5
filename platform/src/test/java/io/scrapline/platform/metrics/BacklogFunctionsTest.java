package io.scrapline.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.scrapline.platform.testing.EmbeddedDatabase;

/**
 * The owner-rights backlog functions of V30 on the real migrations: the application role, bound to one tenant by
 * row-level security, gets the counts of all tenants (and no rows), and each count is served by an index, so that the
 * finished jobs that pile up are never read.
 */
class BacklogFunctionsTest {

    private static final List<String> FUNCTIONS = List.of("backlog_uncosted_records", "backlog_recosting_parts",
            "backlog_period_closes", "backlog_alert_deliveries", "backlog_distribution_runs");

    private static EmbeddedDatabase database;

    @BeforeAll
    static void tenantsWithClosesDoneAndQueued() throws SQLException {
        database = EmbeddedDatabase.startMigrated();
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenants (tenant_id) VALUES ('acme'), ('globex')");
            statement.execute("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) "
                    + "SELECT t, 'P' || n, 'Plant ' || n, 'USD', 'UTC' FROM unnest(ARRAY['acme', 'globex']) t, "
                    + "generate_series(1, 50) n");
            // Eight years of closes done for every plant, and this month's: two of acme's and one of globex's queued.
            statement.execute("INSERT INTO period_close_jobs (tenant_id, plant_id, period, status, claimed_by, "
                    + "requested_by) SELECT p.tenant_id, p.plant_id, to_char(DATE '2018-01-01' + m * interval "
                    + "'1 month', 'YYYY-MM'), 'done', 'r1', 'schedule' FROM plants p, generate_series(0, 95) m");
            statement.execute("INSERT INTO period_close_jobs (tenant_id, plant_id, period, requested_by) VALUES "
                    + "('acme', 'P1', '2026-10', 'ops'), ('acme', 'P2', '2026-10', 'ops'), "
                    + "('globex', 'P1', '2026-10', 'ops')");
            statement.execute("ANALYZE");
        }
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theApplicationRoleCountsEveryTenantsBacklog() throws SQLException {
        try (Connection app = app();
                Statement statement = app.createStatement()) {
            app.setAutoCommit(false);
            statement.execute("SELECT set_config('app.tenant_id', 'acme', true)");
            assertThat(rows(statement, "SELECT count(*) FROM period_close_jobs WHERE status = 'queued'"))
                    .as("the role alone sees its tenant's").containsExactly("2");
            assertThat(rows(statement, "SELECT * FROM backlog_period_closes(false)")).containsExactly("null null 3");
            assertThat(rows(statement, "SELECT * FROM backlog_period_closes(true) ORDER BY 1"))
                    .containsExactly("acme null 2", "globex null 1");
            for (String function : FUNCTIONS) {
                assertThat(rows(statement, "SELECT * FROM " + function + "(false)")).as(function)
                        .allMatch(row -> row.startsWith("null "));
            }
            // The bypass lasts for the function's call only.
            assertThat(rows(statement, "SELECT count(*) FROM period_close_jobs WHERE status = 'queued'"))
                    .containsExactly("2");
            app.rollback();
        }
    }

    @Test
    void aCountOfQueuedClosesReadsTheIndexNotTheDoneOnes() throws SQLException {
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            String plan = String.join("\n", rows(statement, "EXPLAIN " + body(statement, "backlog_period_closes")));
            assertThat(plan).contains("period_close_jobs_pending").doesNotContain("Seq Scan");
        }
    }

    /**
     * Whatever a table's size, an index can serve each count: with sequential scans ruled out, none is left in any plan
     * (a count that no index could serve would still scan the table).
     */
    @Test
    void everyCountHasAnIndexToRead() throws SQLException {
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            for (String function : FUNCTIONS) {
                String plan = String.join("\n", rows(statement, "EXPLAIN " + body(statement, function)));
                assertThat(plan).as(function).doesNotContain("Seq Scan");
            }
            owner.rollback();
        }
    }

    /** The function's counting statement (its last), for a count over all tenants. */
    private static String body(Statement statement, String function) throws SQLException {
        String source = rows(statement, "SELECT prosrc FROM pg_proc WHERE proname = '" + function + "'").get(0);
        String[] statements = source.split(";");
        return statements[statements.length - 1].replace("by_tenant", "false");
    }

    /** Each row of {@code sql} with its columns joined by spaces. */
    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                found.add(String.join(" ", row));
            }
        }
        return found;
    }

    private static Connection app() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP_ROLE,
                EmbeddedDatabase.APP_PASSWORD);
    }
}

package io.scrapline.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.scrapline.platform.testing.EmbeddedDatabase;

/**
 * The migrations run by an owner that is not a superuser, as in a hosted deployment: with row-level security forced,
 * the owner sees no tenant's rows unless the transaction says it bypasses tenancy, while the owner-rights sweep
 * functions and the application role work as before.
 */
class ForcedRowLevelSecurityTest {

    private static final String OWNER = "scrapline_owner";
    private static final String OWNER_PASSWORD = "scrapline-owner";
    private static final String DATABASE = "scrapline_forced";

    private static EmbeddedDatabase database;

    @BeforeAll
    static void migrate() throws SQLException {
        database = EmbeddedDatabase.start();
        try (Connection superuser = database.ownerConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute("CREATE ROLE " + OWNER + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD '"
                    + OWNER_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        }
        Flyway.configure().dataSource(url(), OWNER, OWNER_PASSWORD)
                .placeholders(Map.of("app_role", EmbeddedDatabase.APP_ROLE)).load().migrate();
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("SET LOCAL app.bypass_tenant = 'on'");
            statement.execute("INSERT INTO tenants (tenant_id) VALUES ('acme'), ('globex')");
            statement.execute("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES "
                    + "('acme', 'P1', 'Acme Dayton', 'USD', 'America/New_York'), "
                    + "('globex', 'P1', 'Globex Lyon', 'EUR', 'Europe/Paris')");
            statement.execute(
                    "INSERT INTO audiences (tenant_id, audience_id, members) VALUES " + "('globex', 'quality', '[]')");
            statement.execute("INSERT INTO alert_rules (tenant_id, rule_id, plant_id, defect_code, metric, "
                    + "time_window, threshold, audience_id) VALUES "
                    + "('globex', 'R1', 'P1', 'SCRATCH', 'cost', 'period', 100, 'quality')");
            owner.commit();
        }
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void everyTenantTableForcesRowLevelSecurity() throws SQLException {
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            List<String> tables = strings(statement,
                    "SELECT c.relname FROM pg_class c "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
                            + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attname = 'tenant_id' ORDER BY 1");
            List<String> unforced = strings(statement,
                    "SELECT c.relname FROM pg_class c "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid "
                            + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attname = 'tenant_id' "
                            + "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)");
            assertThat(tables).hasSizeGreaterThanOrEqualTo(39);
            assertThat(unforced).as("tenant tables without forced row-level security").isEmpty();
        }
    }

    @Test
    void theOwnerSeesNoTenantWithoutSayingSo() throws SQLException {
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            assertThat(strings(statement, "SELECT name FROM plants")).isEmpty();
            statement.execute("SELECT set_config('app.tenant_id', 'acme', true)");
            assertThat(strings(statement, "SELECT name FROM plants")).containsExactly("Acme Dayton");
            statement.execute("SET LOCAL app.bypass_tenant = 'on'");
            assertThat(strings(statement, "SELECT name FROM plants ORDER BY name")).containsExactly("Acme Dayton",
                    "Globex Lyon");
            owner.rollback();
        }
    }

    @Test
    void theBypassSettingOpensNothingToTheApplicationRole() throws SQLException {
        try (Connection app = app();
                Statement statement = app.createStatement()) {
            app.setAutoCommit(false);
            statement.execute("SET LOCAL app.bypass_tenant = 'on'");
            assertThat(strings(statement, "SELECT name FROM plants")).isEmpty();
            statement.execute("SELECT set_config('app.tenant_id', 'globex', true)");
            assertThat(strings(statement, "SELECT name FROM plants")).containsExactly("Globex Lyon");
            app.rollback();
        }
    }

    @Test
    void theSweepFunctionsStillNameTheTenantsWithWork() throws SQLException {
        try (Connection app = app();
                Statement statement = app.createStatement()) {
            assertThat(strings(statement, "SELECT * FROM tenants_with_plants() ORDER BY 1")).containsExactly("acme",
                    "globex");
            assertThat(strings(statement, "SELECT * FROM tenants_with_alert_rules()")).containsExactly("globex");
            for (String function : List.of("tenants_with_uncosted_records", "tenants_with_due_connectors",
                    "tenants_with_period_close_jobs", "tenants_with_recosting_work")) {
                assertThat(strings(statement, "SELECT * FROM " + function + "()")).as(function).isEmpty();
            }
            // The setting lasts for the function's call only.
            assertThat(strings(statement, "SELECT coalesce(current_setting('app.bypass_tenant', true), '')"))
                    .containsExactly("");
        }
    }

    @Test
    void aTableProtectedLaterIsForcedToo() throws SQLException {
        try (Connection owner = owner();
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("CREATE TABLE later_things (tenant_id text NOT NULL, thing text NOT NULL)");
            statement.execute("CALL protect_tenant_table('later_things', '" + EmbeddedDatabase.APP_ROLE + "')");
            statement.execute("SELECT set_config('app.tenant_id', 'acme', true)");
            statement.execute("INSERT INTO later_things VALUES ('acme', 'a')");
            assertThat(strings(statement,
                    "SELECT relforcerowsecurity::text FROM pg_class " + "WHERE relname = 'later_things'"))
                            .containsExactly("true");
            statement.execute("SELECT set_config('app.tenant_id', '', true)");
            assertThat(strings(statement, "SELECT thing FROM later_things")).isEmpty();
            owner.rollback();
        }
    }

    /** The first column of every row of {@code sql}, as strings. */
    static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + database.port() + "/" + DATABASE;
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(url(), OWNER, OWNER_PASSWORD);
    }

    private static Connection app() throws SQLException {
        return DriverManager.getConnection(url(), EmbeddedDatabase.APP_ROLE, EmbeddedDatabase.APP_PASSWORD);
    }
}

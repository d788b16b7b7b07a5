package io.scrapline.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The real migrations on a real PostgreSQL: the application role sees only the tenant its transaction names. */
class RowLevelSecurityTest {

    /**
     * The tables that hold no tenant's data, and so have no {@code tenant_id}: Flyway's history of the migrations, and
     * the leases that guard once-per-cluster work (they name jobs). Every other table is a tenant's, and is checked as
     * one: a table created without {@code tenant_id} fails here until it is made a tenant table or listed.
     */
    private static final List<String> CLUSTER_WIDE = List.of("flyway_schema_history", "cluster_leases");

    private static EmbeddedDatabase database;

    @BeforeAll
    static void migrate() throws SQLException {
        database = EmbeddedDatabase.start();
        Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.OWNER, "")
                .placeholders(Map.of("app_role", EmbeddedDatabase.APP_ROLE)).load().migrate();
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenants (tenant_id) VALUES ('acme'), ('globex')");
            statement.execute("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES "
                    + "('acme', 'P1', 'Acme Dayton', 'USD', 'America/New_York'), "
                    + "('globex', 'P1', 'Globex Lyon', 'EUR', 'Europe/Paris')");
        }
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void applicationRoleSeesOnlyTheTenantOfItsTransaction() throws SQLException {
        assertThat(plantNamesAs("acme")).containsExactly("Acme Dayton");
        assertThat(plantNamesAs("globex")).containsExactly("Globex Lyon");
    }

    @Test
    void withoutATenantTheApplicationRoleSeesNothing() throws SQLException {
        assertThat(plantNamesAs(null)).isEmpty();
    }

    @Test
    void applicationRoleCannotWriteIntoAnotherTenant() throws SQLException {
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, "acme");
            try (Statement statement = app.createStatement()) {
                assertThatThrownBy(() -> statement.execute("INSERT INTO plants (tenant_id, plant_id, name, currency, "
                        + "time_zone) VALUES ('globex', 'P9', 'Sneaky', 'EUR', 'Europe/Paris')"))
                                .hasMessageContaining("row-level security");
            }
            app.rollback();
        }
    }

    @Test
    void applicationRoleHasNoBypassAndOwnsNothing() throws SQLException {
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            ResultSet role = statement
                    .executeQuery("SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = 'scrapline_app'");
            role.next();
            assertThat(role.getBoolean(1)).isFalse();
            assertThat(role.getBoolean(2)).isFalse();
            ResultSet owned = statement
                    .executeQuery("SELECT count(*) FROM pg_tables WHERE tableowner = 'scrapline_app'");
            owned.next();
            assertThat(owned.getInt(1)).isZero();
        }
    }

    @Test
    void everyTenantTableForcesRowLevelSecurity() throws SQLException {
        assertThat(tablesWhere(hasTenant("c.oid") + " AND NOT (c.relrowsecurity AND c.relforcerowsecurity)"))
                .as("tenant tables without forced row-level security").isEmpty();
    }

    @Test
    void everyTableIsATenantTableUnlessItIsClusterWide() throws SQLException {
        assertThat(tablesWhere("NOT " + hasTenant("c.oid"))).as("tables without a tenant_id column")
                .containsExactlyInAnyOrderElementsOf(CLUSTER_WIDE);
    }

    @Test
    void everyPrimaryAndForeignKeyOfATenantTableStartsWithTenant() throws SQLException {
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            List<String> offenders = ForcedRowLevelSecurityTest.strings(statement,
                    "SELECT conrelid::regclass::text || '.' || conname "
                            + "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                            + "WHERE n.nspname = 'public' AND c.contype IN ('p', 'f') AND " + hasTenant("c.conrelid")
                            + " AND (SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid "
                            + "AND attnum = c.conkey[1]) <> 'tenant_id'");
            assertThat(offenders).isEmpty();
        }
    }

    /** The tables of the schema {@code condition} holds for, a condition on the table {@code c} of pg_class. */
    private static List<String> tablesWhere(String condition) throws SQLException {
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            return ForcedRowLevelSecurityTest.strings(statement, "SELECT c.relname FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
                    + "AND " + condition);
        }
    }

    /** SQL that is true when the table {@code table} (an oid) is a tenant's: it has a {@code tenant_id} column. */
    private static String hasTenant(String table) {
        return "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = " + table
                + " AND a.attname = 'tenant_id' AND NOT a.attisdropped)";
    }

    private static List<String> plantNamesAs(String tenant) throws SQLException {
        try (Connection app = appConnection()) {
            app.setAutoCommit(false);
            if (tenant != null) {
                setTenant(app, tenant);
            }
            List<String> names = new ArrayList<>();
            try (Statement statement = app.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM plants")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            app.commit();
            return names;
        }
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    private static Connection appConnection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.APP_ROLE,
                EmbeddedDatabase.APP_PASSWORD);
    }
}

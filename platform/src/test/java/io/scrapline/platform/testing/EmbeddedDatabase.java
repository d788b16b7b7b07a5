package io.scrapline.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh PostgreSQL server (real binaries, started from Maven Central's zonky packages) with an empty
 * {@code scrapline} database, the owning role {@code postgres} and the application role {@code scrapline_app}, which
 * has no BYPASSRLS and owns nothing. Migrations are applied by whoever connects as the owner.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "scrapline";
    public static final String OWNER = "postgres";
    public static final String APP_ROLE = "scrapline_app";
    public static final String APP_PASSWORD = "scrapline-local";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start() {
        return start("localhost");
    }

    /** A server with the schema of the migrations, applied by the owner. */
    public static EmbeddedDatabase startMigrated() {
        EmbeddedDatabase database = start();
        Flyway.configure().dataSource(database.jdbcUrl(), OWNER, "").placeholders(Map.of("app_role", APP_ROLE)).load()
                .migrate();
        return database;
    }

    /**
     * A server that also listens on {@code address}, e.g. 127.0.0.2 for a source database that the egress policy of the
     * tests allows (127.0.0.1 and localhost stay refused).
     */
    public static EmbeddedDatabase startListeningOn(String address) {
        return start("localhost," + address);
    }

    private static EmbeddedDatabase start(String listenAddresses) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300").setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off").setServerConfig("listen_addresses", listenAddresses)
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(
                        "CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + APP_PASSWORD + "'");
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** The datasource settings a service needs, in the property names of its configuration. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", reactiveUrl());
        config.put("quarkus.datasource.username", APP_ROLE);
        config.put("quarkus.datasource.password", APP_PASSWORD);
        config.put("quarkus.datasource.migration.jdbc.url", jdbcUrl());
        config.put("quarkus.datasource.migration.username", OWNER);
        config.put("quarkus.datasource.migration.password", "");
        return config;
    }

    /** The same settings as environment variables, for services started as processes. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        quarkusConfig().forEach((key, value) -> environment.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        return environment;
    }

    /** A JDBC connection as the owner, for test set-up and inspection that must see every tenant. */
    public Connection ownerConnection() throws SQLException {
        return postgres.getDatabase(OWNER, DATABASE).getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

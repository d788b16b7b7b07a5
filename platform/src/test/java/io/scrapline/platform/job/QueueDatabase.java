package io.scrapline.platform.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * The real migrations on a real PostgreSQL, a job table of the queue's shape for tenant {@code acme}, and a reactive
 * pool of the application role: a test class's, from before its first test to after its last (register it as a static
 * {@code @RegisterExtension} field).
 */
final class QueueDatabase implements BeforeAllCallback, AfterAllCallback {

    static final String TENANT = "acme";

    EmbeddedDatabase database;
    Vertx vertx;
    Pool pool;
    TenantDb db;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        database = EmbeddedDatabase.start();
        Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.OWNER, "")
                .placeholders(Map.of("app_role", EmbeddedDatabase.APP_ROLE)).load().migrate();
        try (Connection owner = database.ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenants (tenant_id) VALUES ('" + TENANT + "')");
            statement.execute("""
                    CREATE TABLE test_jobs (
                        tenant_id        text NOT NULL REFERENCES tenants,
                        job_id           integer NOT NULL,
                        status           text NOT NULL DEFAULT 'queued',
                        attempts         integer NOT NULL DEFAULT 0,
                        claimed_by       text,
                        claimed_at       timestamptz,
                        lease_until      timestamptz,
                        next_attempt_at  timestamptz,
                        finished_at      timestamptz,
                        last_error       text,
                        PRIMARY KEY (tenant_id, job_id))""");
            statement.execute("CALL protect_tenant_table('test_jobs', '" + EmbeddedDatabase.APP_ROLE + "')");
        }
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, PgConnectOptions.fromUri(database.reactiveUrl()).setUser(EmbeddedDatabase.APP_ROLE)
                .setPassword(EmbeddedDatabase.APP_PASSWORD), new PoolOptions().setMaxSize(6));
        db = new TenantDb(pool, new SimpleMeterRegistry(), new ClusterLease(pool));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        database.close();
    }
}

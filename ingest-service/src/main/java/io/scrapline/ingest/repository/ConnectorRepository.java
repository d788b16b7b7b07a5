package io.scrapline.ingest.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.ingest.domain.Connector;
import io.scrapline.ingest.domain.ConnectorDefinition;
import io.scrapline.ingest.domain.ConnectorRun;
import io.scrapline.ingest.domain.ConnectorSettings;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.platform.secrets.SecretBox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Connectors and their run log. Every statement runs in a tenant's transaction (row-level security). */
@ApplicationScoped
public class ConnectorRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretBox secrets;

    public ConnectorRepository(SecretBox secrets) {
        this.secrets = secrets;
    }

    private static final String CONNECTOR_COLUMNS = """
            source, connector, kind, record_type, config::text AS config, enabled, interval_seconds, cursor, status,
            last_run_at, last_success_at, last_error, next_run_at, updated_at""";
    private static final String RUN_COLUMNS = """
            run_id, status, started_at, finished_at, pages, records, attempts, cursor_before, cursor_after, error""";

    /** Registers the source system (and the tenant) if this is the first the service hears of it. */
    public Uni<Void> touchSource(SqlConnection connection, String source) {
        return connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING")
                .execute().chain(() -> connection.preparedQuery("""
                        INSERT INTO source_systems (tenant_id, source) VALUES (current_tenant(), $1)
                        ON CONFLICT (tenant_id, source) DO NOTHING
                        """).execute(Tuple.of(source))).replaceWithVoid();
    }

    /** The connector; {@code forUpdate} locks its row until the transaction ends. */
    public Uni<Optional<Connector>> find(SqlConnection connection, String source, String connector, boolean forUpdate) {
        return connection.preparedQuery("SELECT " + CONNECTOR_COLUMNS
                + " FROM connectors WHERE tenant_id = current_tenant() AND source = $1 AND connector = $2"
                + (forUpdate ? " FOR UPDATE" : "")).execute(Tuple.of(source, connector)).map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    return it.hasNext() ? Optional.of(connector(it.next())) : Optional.empty();
                });
    }

    /**
     * Creates or updates the connector; the answer says whether it was created. Its cursor survives an update unless
     * the kind changes, since a page cursor means nothing as a watermark. A shorter interval takes effect at once.
     */
    public Uni<Boolean> upsert(SqlConnection connection, String source, String connector,
            ConnectorDefinition definition) {
        return connection.preparedQuery("""
                INSERT INTO connectors (tenant_id, source, connector, kind, record_type, config, enabled,
                    interval_seconds)
                VALUES (current_tenant(), $1, $2, $3, $4, $5::text::jsonb, $6, $7)
                ON CONFLICT (tenant_id, source, connector) DO UPDATE SET
                    kind = EXCLUDED.kind, record_type = EXCLUDED.record_type, config = EXCLUDED.config,
                    enabled = EXCLUDED.enabled, interval_seconds = EXCLUDED.interval_seconds,
                    cursor = CASE WHEN connectors.kind = EXCLUDED.kind THEN connectors.cursor END,
                    next_run_at = least(connectors.next_run_at,
                        coalesce(connectors.last_run_at, now()) + make_interval(secs => EXCLUDED.interval_seconds)),
                    updated_at = now()
                RETURNING (xmax = 0) AS created
                """)
                .execute(Tuple.tuple().addValue(source).addValue(connector).addValue(definition.kind())
                        .addValue(definition.recordType().path())
                        .addValue(ConnectorSettings.mapSecrets(definition.config(), secrets::seal).toString())
                        .addValue(definition.enabled()).addValue(definition.intervalSeconds()))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    /**
     * Seals under the current key every secret of the tenant's connectors that is not yet (plaintext from before
     * encryption, or sealed under a retired key); the answer is the number of connectors changed.
     */
    public Uni<Integer> resealSecrets(SqlConnection connection) {
        return connection
                .query("SELECT source, connector, config::text AS config FROM connectors "
                        + "WHERE tenant_id = current_tenant() ORDER BY source, connector FOR UPDATE")
                .execute().onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows)).onItem()
                .transformToUniAndConcatenate(row -> {
                    ObjectNode config = json(row.getString("config"));
                    ObjectNode resealed = ConnectorSettings.mapSecrets(config, secrets::reseal);
                    if (resealed.equals(config)) {
                        return Uni.createFrom().item(0);
                    }
                    return connection
                            .preparedQuery("UPDATE connectors SET config = $3::text::jsonb "
                                    + "WHERE tenant_id = current_tenant() AND source = $1 AND connector = $2")
                            .execute(Tuple.of(row.getString("source"), row.getString("connector"), resealed.toString()))
                            .map(updated -> 1);
                }).collect().with(Collectors.summingInt(Integer::intValue));
    }

    /** The tenant's enabled connectors whose time has come, the longest-waiting first. */
    public Uni<List<Connector>> due(SqlConnection connection) {
        return connection.query("SELECT " + CONNECTOR_COLUMNS
                + " FROM connectors WHERE tenant_id = current_tenant() AND enabled AND next_run_at <= now()"
                + " ORDER BY next_run_at, source, connector").execute().map(rows -> {
                    List<Connector> due = new ArrayList<>();
                    rows.forEach(row -> due.add(connector(row)));
                    return due;
                });
    }

    /**
     * Opens a run: the connector is marked running and its next run scheduled (so that a run that dies is not retried
     * in a tight loop), and a run of it still marked running is closed as interrupted — the caller holds the
     * connector's cluster-wide lock, so that run's replica is gone.
     */
    public Uni<Long> startRun(SqlConnection connection, Connector connector) {
        Tuple key = Tuple.of(connector.source(), connector.connector());
        return connection.preparedQuery("""
                UPDATE connector_runs SET status = 'failed', finished_at = now(),
                    error = 'interrupted: the service stopped during the run'
                WHERE tenant_id = current_tenant() AND source = $1 AND connector = $2 AND status = 'running'
                """).execute(key).chain(() -> connection.preparedQuery("""
                UPDATE connectors SET status = 'running', last_run_at = now(),
                    next_run_at = now() + make_interval(secs => interval_seconds)
                WHERE tenant_id = current_tenant() AND source = $1 AND connector = $2
                """).execute(key)).chain(() -> connection.preparedQuery("""
                INSERT INTO connector_runs (tenant_id, source, connector, status, cursor_before, cursor_after)
                VALUES (current_tenant(), $1, $2, 'running', $3, $3)
                RETURNING run_id
                """).execute(Tuple.of(connector.source(), connector.connector(), connector.cursor())))
                .map(rows -> rows.iterator().next().getLong("run_id"));
    }

    /** A page is in: the cursor moves on and the run counts it, in the transaction that stored the page's records. */
    public Uni<Void> pageCommitted(SqlConnection connection, Connector connector, long runId, String cursor,
            int records) {
        return moveCursor(connection, connector, cursor).chain(() -> connection.preparedQuery("""
                UPDATE connector_runs SET pages = pages + 1, records = records + $2, cursor_after = $3
                WHERE tenant_id = current_tenant() AND run_id = $1
                """).execute(Tuple.of(runId, records, cursor))).replaceWithVoid();
    }

    /** The source moved the cursor on without sending records. */
    public Uni<Void> cursorMoved(SqlConnection connection, Connector connector, long runId, String cursor) {
        return moveCursor(connection, connector, cursor).chain(() -> connection.preparedQuery("""
                UPDATE connector_runs SET cursor_after = $2 WHERE tenant_id = current_tenant() AND run_id = $1
                """).execute(Tuple.of(runId, cursor))).replaceWithVoid();
    }

    /** Closes the run and records its outcome on the connector. */
    public Uni<ConnectorRun> finishRun(SqlConnection connection, Connector connector, long runId, boolean succeeded,
            int attempts, String error) {
        return connection.preparedQuery("""
                UPDATE connectors SET status = $3,
                    last_success_at = CASE WHEN $4 THEN now() ELSE last_success_at END, last_error = $5,
                    next_run_at = now() + make_interval(secs => interval_seconds)
                WHERE tenant_id = current_tenant() AND source = $1 AND connector = $2
                """)
                .execute(Tuple.of(connector.source(), connector.connector(),
                        succeeded ? Connector.IDLE : Connector.FAILED, succeeded, error))
                .chain(() -> connection.preparedQuery("UPDATE connector_runs SET status = $2, finished_at = now(), "
                        + "attempts = $3, error = $4 WHERE tenant_id = current_tenant() AND run_id = $1 RETURNING "
                        + RUN_COLUMNS)
                        .execute(Tuple.of(runId, succeeded ? ConnectorRun.SUCCEEDED : ConnectorRun.FAILED, attempts,
                                error)))
                .map(rows -> run(rows.iterator().next()));
    }

    /** The connector's runs, newest first. */
    public Uni<List<ConnectorRun>> runs(SqlConnection connection, String source, String connector, int limit) {
        return connection
                .preparedQuery("SELECT " + RUN_COLUMNS
                        + " FROM connector_runs WHERE tenant_id = current_tenant() AND source = $1 AND connector = $2"
                        + " ORDER BY run_id DESC LIMIT $3")
                .execute(Tuple.of(source, connector, limit)).map(ConnectorRepository::runs);
    }

    public Uni<Optional<ConnectorRun>> run(SqlConnection connection, long runId) {
        return connection
                .preparedQuery("SELECT " + RUN_COLUMNS
                        + " FROM connector_runs WHERE tenant_id = current_tenant() AND run_id = $1")
                .execute(Tuple.of(runId)).map(rows -> runs(rows).stream().findFirst());
    }

    private Uni<Void> moveCursor(SqlConnection connection, Connector connector, String cursor) {
        return connection.preparedQuery("""
                UPDATE connectors SET cursor = $3
                WHERE tenant_id = current_tenant() AND source = $1 AND connector = $2
                """).execute(Tuple.of(connector.source(), connector.connector(), cursor)).replaceWithVoid();
    }

    private static List<ConnectorRun> runs(RowSet<Row> rows) {
        List<ConnectorRun> runs = new ArrayList<>();
        rows.forEach(row -> runs.add(run(row)));
        return runs;
    }

    private static ConnectorRun run(Row row) {
        return new ConnectorRun(row.getLong("run_id"), row.getString("status"), row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"), row.getInteger("pages"), row.getInteger("records"),
                row.getInteger("attempts"), row.getString("cursor_before"), row.getString("cursor_after"),
                row.getString("error"));
    }

    private Connector connector(Row row) {
        ObjectNode config = json(row.getString("config"));
        return new Connector(row.getString("source"), row.getString("connector"), row.getString("kind"),
                RecordType.fromPath(row.getString("record_type")).orElseThrow(),
                ConnectorSettings.mapSecrets(config, secrets::open), row.getBoolean("enabled"),
                row.getInteger("interval_seconds"), row.getString("cursor"), row.getString("status"),
                row.getOffsetDateTime("last_run_at"), row.getOffsetDateTime("last_success_at"),
                row.getString("last_error"), row.getOffsetDateTime("next_run_at"), row.getOffsetDateTime("updated_at"));
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

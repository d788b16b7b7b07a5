package io.scrapline.ingest.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.ingest.domain.SourceSecret;
import io.scrapline.ingest.domain.SourceSystem;
import io.scrapline.ingest.domain.SourceSystem.ConnectorStatus;
import io.scrapline.platform.secrets.SecretBox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Source systems as a resource of their tenant, with their webhook secrets and the status of their connectors. */
@ApplicationScoped
public class SourceRepository {

    private final SecretBox secrets;

    public SourceRepository(SecretBox secrets) {
        this.secrets = secrets;
    }

    /**
     * What verifying a delivery needs: the current secret, the previous one while its grace period lasts (else null),
     * and whether the delivery's id was already received.
     */
    public record WebhookKeys(String current, String previous, boolean delivered) {
    }

    private static final String SOURCE_COLUMNS = """
            source, description, created_at, last_ingest_at, webhook_secret IS NOT NULL AS has_webhook_secret,
            secret_rotated_at,
            CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END
                AS previous_secret_expires_at""";

    /** Registers a source with its first secret; empty if the tenant has the source already. */
    public Uni<Optional<SourceSecret>> create(SqlConnection connection, String source, String description,
            String secret) {
        return connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING")
                .execute().chain(() -> connection.preparedQuery("""
                        INSERT INTO source_systems (tenant_id, source, description, webhook_secret, secret_rotated_at)
                        VALUES (current_tenant(), $1, $2, $3, now())
                        ON CONFLICT (tenant_id, source) DO NOTHING
                        RETURNING source, description, created_at, secret_rotated_at
                        """).execute(Tuple.of(source, description, secrets.seal(secret))))
                .map(rows -> first(rows).map(row -> new SourceSecret(row.getString("source"),
                        row.getString("description"), row.getOffsetDateTime("created_at"), secret,
                        row.getOffsetDateTime("secret_rotated_at"), null)));
    }

    /**
     * Puts a new secret in place; the one it replaces stays valid for {@code grace}. A source that had no secret has
     * none to keep.
     */
    public Uni<Optional<SourceSecret>> rotate(SqlConnection connection, String source, String secret, Duration grace) {
        return connection.preparedQuery("""
                UPDATE source_systems SET
                    previous_webhook_secret = webhook_secret,
                    previous_secret_expires_at = CASE WHEN webhook_secret IS NULL THEN NULL
                        ELSE now() + $3::double precision * interval '1 second' END,
                    webhook_secret = $2,
                    secret_rotated_at = now()
                WHERE tenant_id = current_tenant() AND source = $1
                RETURNING source, description, created_at, secret_rotated_at, previous_secret_expires_at
                """).execute(Tuple.of(source, secrets.seal(secret), (double) grace.toMillis() / 1000)).map(
                rows -> first(rows).map(row -> new SourceSecret(row.getString("source"), row.getString("description"),
                        row.getOffsetDateTime("created_at"), secret, row.getOffsetDateTime("secret_rotated_at"),
                        row.getOffsetDateTime("previous_secret_expires_at"))));
    }

    /** The tenant's sources by name, each with its connectors. */
    public Uni<List<SourceSystem>> list(SqlConnection connection) {
        return connection
                .preparedQuery("SELECT " + SOURCE_COLUMNS
                        + " FROM source_systems WHERE tenant_id = current_tenant() ORDER BY source")
                .execute().chain(rows -> withConnectors(connection, rows, null));
    }

    public Uni<Optional<SourceSystem>> find(SqlConnection connection, String source) {
        return connection
                .preparedQuery("SELECT " + SOURCE_COLUMNS
                        + " FROM source_systems WHERE tenant_id = current_tenant() AND source = $1")
                .execute(Tuple.of(source)).chain(rows -> withConnectors(connection, rows, source))
                .map(sources -> sources.stream().findFirst());
    }

    /** The source's secrets and whether {@code webhookId} was delivered already; empty for an unknown source. */
    public Uni<Optional<WebhookKeys>> webhookKeys(SqlConnection connection, String source, String webhookId) {
        return connection.preparedQuery("""
                SELECT s.webhook_secret,
                    CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_webhook_secret END AS previous,
                    EXISTS (SELECT 1 FROM webhook_deliveries d
                            WHERE d.tenant_id = s.tenant_id AND d.source = s.source AND d.webhook_id = $2) AS delivered
                FROM source_systems s
                WHERE s.tenant_id = current_tenant() AND s.source = $1
                """).execute(Tuple.of(source, webhookId))
                .map(rows -> first(rows).map(row -> new WebhookKeys(secrets.open(row.getString("webhook_secret")),
                        secrets.open(row.getString("previous")), row.getBoolean("delivered"))));
    }

    /**
     * Seals under the current key every webhook secret of the tenant's sources that is not yet (plaintext from before
     * encryption, or sealed under a retired key); the answer is the number of sources changed.
     */
    public Uni<Integer> resealSecrets(SqlConnection connection) {
        return connection.query("""
                SELECT source, webhook_secret, previous_webhook_secret FROM source_systems
                WHERE tenant_id = current_tenant()
                    AND (webhook_secret IS NOT NULL OR previous_webhook_secret IS NOT NULL)
                ORDER BY source FOR UPDATE
                """).execute().onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows)).onItem()
                .transformToUniAndConcatenate(row -> {
                    String current = row.getString("webhook_secret");
                    String previous = row.getString("previous_webhook_secret");
                    if (secrets.isCurrent(current) && secrets.isCurrent(previous)) {
                        return Uni.createFrom().item(0);
                    }
                    return connection.preparedQuery("""
                            UPDATE source_systems SET webhook_secret = $2, previous_webhook_secret = $3
                            WHERE tenant_id = current_tenant() AND source = $1
                            """).execute(
                            Tuple.of(row.getString("source"), secrets.reseal(current), secrets.reseal(previous)))
                            .map(updated -> 1);
                }).collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<List<SourceSystem>> withConnectors(SqlConnection connection, RowSet<Row> sourceRows, String source) {
        List<SourceSystem> sources = new ArrayList<>();
        for (Row row : sourceRows) {
            sources.add(new SourceSystem(row.getString("source"), row.getString("description"),
                    row.getOffsetDateTime("created_at"), row.getOffsetDateTime("last_ingest_at"),
                    row.getBoolean("has_webhook_secret"), row.getOffsetDateTime("secret_rotated_at"),
                    row.getOffsetDateTime("previous_secret_expires_at"), List.of()));
        }
        if (sources.isEmpty()) {
            return Uni.createFrom().item(sources);
        }
        return connection.preparedQuery("""
                SELECT source, connector, kind, record_type, enabled, status, last_run_at, last_success_at, last_error,
                    next_run_at
                FROM connectors
                WHERE tenant_id = current_tenant() AND ($1::text IS NULL OR source = $1)
                ORDER BY source, connector
                """).execute(Tuple.of(source)).map(rows -> {
            List<SourceSystem> result = new ArrayList<>(sources.size());
            for (SourceSystem system : sources) {
                List<ConnectorStatus> connectors = new ArrayList<>();
                for (Row row : rows) {
                    if (row.getString("source").equals(system.source())) {
                        connectors.add(new ConnectorStatus(row.getString("connector"), row.getString("kind"),
                                row.getString("record_type"), row.getBoolean("enabled"), row.getString("status"),
                                row.getOffsetDateTime("last_run_at"), row.getOffsetDateTime("last_success_at"),
                                row.getString("last_error"), row.getOffsetDateTime("next_run_at")));
                    }
                }
                result.add(system.withConnectors(connectors));
            }
            return result;
        });
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        RowIterator<Row> it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}

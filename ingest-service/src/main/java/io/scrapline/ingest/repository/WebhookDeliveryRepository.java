package io.scrapline.ingest.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The webhook deliveries accepted from each source, by their {@code webhook-id}. */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /** The constraint that makes a replayed (or concurrently repeated) {@code webhook-id} fail. */
    public static final String PRIMARY_KEY = "webhook_deliveries_pkey";

    /** Records the delivery; a second one of the same id violates {@link #PRIMARY_KEY}. */
    public Uni<Void> insert(SqlConnection connection, String source, String webhookId, String eventType, UUID batchId) {
        return connection.preparedQuery("""
                INSERT INTO webhook_deliveries (tenant_id, source, webhook_id, event_type, batch_id)
                VALUES (current_tenant(), $1, $2, $3, $4)
                """).execute(Tuple.of(source, webhookId, eventType, batchId)).replaceWithVoid();
    }
}

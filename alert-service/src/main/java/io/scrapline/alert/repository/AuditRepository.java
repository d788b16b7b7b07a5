package io.scrapline.alert.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The audit trail of changes to alerting: who changed what, when, and the entity before and after (JSON). */
@ApplicationScoped
public class AuditRepository {

    /**
     * Records a change in the caller's transaction, so that the change and its record commit together.
     *
     * @param before
     *            the entity as JSON before the change, null when it is new; likewise {@code after}, null when removed
     */
    public Uni<Void> audit(SqlConnection connection, String entity, String entityId, String action, String actor,
            JsonObject before, JsonObject after) {
        return connection.preparedQuery("""
                INSERT INTO alert_audit (tenant_id, entity, entity_id, action, actor, before, after)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6)
                """).execute(Tuple.tuple().addValue(entity).addValue(entityId).addValue(action).addValue(actor)
                .addValue(before).addValue(after)).replaceWithVoid();
    }
}

package io.scrapline.alert.repository;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.scrapline.alert.domain.AuditEntry;
import io.scrapline.alert.domain.AuditQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The change audit: entries of rules, audiences, policies, subscriptions and re-sends within a {@link TenantSessions}
 * transaction, entries of acknowledgements and resolutions in the escalation's SQL transaction.
 */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, AuditEntry.Key> {

    /**
     * Records a change of {@code entity} {@code entityId} in the transaction that makes it, so that a change is never
     * without its entry.
     *
     * @param plants
     *            the plants the before and after name (empty for what covers the tenant)
     * @param lines
     *            their lines, null when either covers a whole plant
     * @param before
     *            a JSON object, null for a creation; {@code after} null for a deletion
     */
    public Uni<Void> record(String tenant, String entity, String entityId, String action, String actor, String[] plants,
            String[] lines, String before, String after) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT nextval('alert_audit_audit_id_seq')", Long.class).getSingleResult())
                .chain(id -> {
                    AuditEntry entry = new AuditEntry();
                    entry.setTenantId(tenant);
                    entry.setAuditId(id);
                    entry.setEntity(entity);
                    entry.setEntityId(entityId);
                    entry.setAction(action);
                    entry.setActor(actor);
                    entry.setAt(OffsetDateTime.now());
                    entry.setPlantIds(plants);
                    entry.setLineIds(lines);
                    entry.setBefore(before);
                    entry.setAfter(after);
                    return persist(entry);
                }).replaceWithVoid();
    }

    /**
     * The entries {@code query} asks for, newest first, one more than its limit (so that the caller knows whether a
     * next page exists), of those a token limited to {@code plants} and {@code lines} may read (either empty: no
     * limit): every plant the entry names is one of the token's, and, for a token limited to lines, every line too (an
     * entry that names none covers whole plants or the tenant).
     */
    public Uni<List<AuditEntry>> page(AuditQuery query, String[] plants, String[] lines) {
        return getSession().chain(session -> session.createNativeQuery("""
                SELECT tenant_id, audit_id, entity, entity_id, action, actor, at, plant_ids, line_ids,
                    before::text AS before, after::text AS after
                FROM alert_audit
                WHERE (CAST(:entity AS text) IS NULL OR entity = CAST(:entity AS text))
                  AND (CAST(:entityId AS text) IS NULL OR entity_id = CAST(:entityId AS text))
                  AND (CAST(:actor AS text) IS NULL OR actor = CAST(:actor AS text))
                  AND (CAST(:from AS timestamptz) IS NULL OR at >= CAST(:from AS timestamptz))
                  AND (CAST(:to AS timestamptz) IS NULL OR at < CAST(:to AS timestamptz))
                  AND (CAST(:before AS bigint) IS NULL OR audit_id < CAST(:before AS bigint))
                  AND (cardinality(CAST(:plants AS text[])) = 0
                       OR (cardinality(plant_ids) > 0 AND plant_ids <@ CAST(:plants AS text[])))
                  AND (cardinality(CAST(:lines AS text[])) = 0
                       OR (cardinality(line_ids) > 0 AND line_ids <@ CAST(:lines AS text[])))
                ORDER BY audit_id DESC
                LIMIT :limit
                """, AuditEntry.class).setParameter("entity", query.entity()).setParameter("entityId", query.entityId())
                .setParameter("actor", query.actor()).setParameter("from", query.from()).setParameter("to", query.to())
                .setParameter("before", query.before()).setParameter("plants", plants).setParameter("lines", lines)
                .setParameter("limit", query.limit() + 1).getResultList());
    }

    /**
     * Records a change in the caller's SQL transaction (an acknowledgement or a resolution of an alert, on the reactive
     * client), so that the change and its record commit together. An alert's entry names the alert's plant, so that a
     * token of that plant reads it; an entry of anything else covers the tenant.
     *
     * @param before
     *            the entity as JSON before the change, null when it is new; likewise {@code after}, null when removed
     */
    public Uni<Void> audit(SqlConnection connection, String entity, String entityId, String action, String actor,
            JsonObject before, JsonObject after) {
        return connection.preparedQuery("""
                INSERT INTO alert_audit (tenant_id, entity, entity_id, action, actor, plant_ids, before, after)
                VALUES (current_tenant(), $1, $2, $3, $4, coalesce(CASE $1
                        WHEN 'alert' THEN (SELECT ARRAY[plant_id] FROM alert_log WHERE alert_id = $7)
                    END, '{}'), $5, $6)
                """).execute(Tuple.tuple().addValue(entity).addValue(entityId).addValue(action).addValue(actor)
                .addValue(before).addValue(after).addValue(numericId(entityId))).replaceWithVoid();
    }

    private static Long numericId(String entityId) {
        return entityId.chars().allMatch(Character::isDigit) && entityId.length() < 19 ? Long.valueOf(entityId) : null;
    }
}

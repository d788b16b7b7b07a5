package io.scrapline.alert.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.EscalationPolicy;
import io.scrapline.alert.domain.EscalationPolicy.Step;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Escalation policies: ordered steps stored as {@code [{"audiences": [...], "delay_minutes": n}, ...]}. */
@ApplicationScoped
public class PolicyRepository {

    public Uni<Optional<EscalationPolicy>> policy(SqlConnection connection, String id, boolean forUpdate) {
        return connection
                .preparedQuery("SELECT policy_id, name, steps FROM alert_escalation_policies WHERE policy_id = $1"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(policy(rows.iterator().next())));
    }

    /** Every policy, by id. */
    public Uni<List<EscalationPolicy>> policies(SqlConnection connection) {
        return connection.query("SELECT policy_id, name, steps FROM alert_escalation_policies ORDER BY policy_id")
                .execute().map(rows -> {
                    List<EscalationPolicy> all = new ArrayList<>();
                    rows.forEach(row -> all.add(policy(row)));
                    return all;
                });
    }

    public Uni<Void> upsert(SqlConnection connection, EscalationPolicy policy, String by) {
        return connection.query("INSERT INTO tenants (tenant_id) VALUES (current_tenant()) ON CONFLICT DO NOTHING")
                .execute().chain(() -> connection.preparedQuery("""
                        INSERT INTO alert_escalation_policies (tenant_id, policy_id, name, steps, updated_by)
                        VALUES (current_tenant(), $1, $2, $3, $4)
                        ON CONFLICT (tenant_id, policy_id) DO UPDATE SET name = excluded.name,
                            steps = excluded.steps, updated_at = now(), updated_by = excluded.updated_by
                        """).execute(Tuple.of(policy.id(), policy.name(), steps(policy.steps()), by)))
                .replaceWithVoid();
    }

    /** Whether there was such a policy to delete. */
    public Uni<Boolean> delete(SqlConnection connection, String id) {
        return connection.preparedQuery("DELETE FROM alert_escalation_policies WHERE policy_id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    /** The policy as JSON, for the audit trail. */
    public static JsonObject json(EscalationPolicy policy) {
        return new JsonObject().put("id", policy.id()).put("name", policy.name()).put("steps", steps(policy.steps()));
    }

    static JsonArray steps(List<Step> steps) {
        JsonArray json = new JsonArray();
        steps.forEach(step -> json.add(new JsonObject().put("audiences", new JsonArray(step.audiences()))
                .put("delay_minutes", step.delay().toMinutes())));
        return json;
    }

    static List<Step> steps(JsonArray json) {
        List<Step> steps = new ArrayList<>();
        for (Object each : json) {
            JsonObject step = (JsonObject) each;
            List<String> audiences = new ArrayList<>();
            step.getJsonArray("audiences").forEach(audience -> audiences.add(audience.toString()));
            steps.add(new Step(audiences, Duration.ofMinutes(step.getLong("delay_minutes"))));
        }
        return steps;
    }

    private static EscalationPolicy policy(Row row) {
        return new EscalationPolicy(row.getString("policy_id"), row.getString("name"),
                steps((JsonArray) row.getValue("steps")));
    }
}

package io.scrapline.alert.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.scrapline.alert.domain.AlertEscalationPolicy;
import io.scrapline.alert.domain.EscalationPolicy;
import io.scrapline.alert.domain.EscalationPolicy.Step;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Escalation policies, their steps stored as {@code [{"audiences": [...], "delay_minutes": n}, ...]}: written and read
 * as entities within a {@link TenantSessions} transaction; read once more in SQL by the one caller inside a SQL
 * transaction, an alert opening its deliveries.
 */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<AlertEscalationPolicy, AlertEscalationPolicy.Key> {

    public Uni<AlertEscalationPolicy> find(String tenant, String id) {
        return findById(new AlertEscalationPolicy.Key(tenant, id));
    }

    /** The policy, its row locked until the transaction ends; null if there is none. */
    public Uni<AlertEscalationPolicy> forUpdate(String tenant, String id) {
        return findById(new AlertEscalationPolicy.Key(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every policy, by id. */
    public Uni<List<EscalationPolicy>> policies() {
        return listAll(Sort.by("policyId")).map(rows -> rows.stream().map(PolicyRepository::policy).toList());
    }

    /** The policy, in the caller's SQL transaction (an alert opening its deliveries). */
    public Uni<Optional<EscalationPolicy>> policy(SqlConnection connection, String id) {
        return connection.preparedQuery("SELECT steps, name FROM alert_escalation_policies WHERE policy_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new EscalationPolicy(id, rows.iterator().next().getString("name"),
                                steps((JsonArray) rows.iterator().next().getValue("steps")))));
    }

    /** A new row of {@code tenant}'s for {@code policy}; {@link #fill} writes what it says. */
    public static AlertEscalationPolicy newRow(String tenant, EscalationPolicy policy) {
        AlertEscalationPolicy row = new AlertEscalationPolicy();
        row.setTenantId(tenant);
        row.setPolicyId(policy.id());
        return row;
    }

    /** Writes {@code policy} onto its row, as changed by {@code actor} at {@code at}. */
    public static void fill(AlertEscalationPolicy row, EscalationPolicy policy, String actor, OffsetDateTime at) {
        row.setName(policy.name());
        row.setSteps(steps(policy.steps()).encode());
        row.setUpdatedAt(at);
        row.setUpdatedBy(actor);
    }

    /** The policy a row stores. */
    public static EscalationPolicy policy(AlertEscalationPolicy row) {
        return new EscalationPolicy(row.getPolicyId(), row.getName(), steps(new JsonArray(row.getSteps())));
    }

    /** The policy as JSON, for the audit trail. */
    public static String json(EscalationPolicy policy) {
        return new JsonObject().put("id", policy.id()).put("name", policy.name()).put("steps", steps(policy.steps()))
                .encode();
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
}

package io.scrapline.alert.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.scrapline.alert.domain.AlertRule;
import io.smallrye.mutiny.Uni;

/** Rules, within a {@link TenantSessions} transaction: row-level security keeps them to its tenant. */
@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<AlertRule, AlertRule.Key> {

    public Uni<AlertRule> find(String tenant, String rule) {
        return findById(new AlertRule.Key(tenant, rule));
    }

    /** The rules of {@code plant} (every plant when null), by id. */
    public Uni<List<AlertRule>> listOf(String plant) {
        return plant == null ? listAll(Sort.by("ruleId")) : list("plantId", Sort.by("ruleId"), plant);
    }
}

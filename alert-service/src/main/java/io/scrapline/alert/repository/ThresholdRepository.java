package io.scrapline.alert.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.scrapline.alert.domain.AlertThreshold;
import io.smallrye.mutiny.Uni;

/** The thresholds of rules, within a {@link TenantSessions} transaction. */
@ApplicationScoped
public class ThresholdRepository implements PanacheRepositoryBase<AlertThreshold, AlertThreshold.Key> {

    /** The thresholds of the rules named, by rule then level (critical after warning). */
    public Uni<List<AlertThreshold>> ofRules(Collection<String> rules) {
        return rules.isEmpty() ? Uni.createFrom().item(List.of())
                : list("ruleId in ?1", Sort.by("ruleId").and("level", Sort.Direction.Descending), rules);
    }
}

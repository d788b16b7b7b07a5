package io.scrapline.alert.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.AlertRule;
import io.scrapline.alert.domain.AlertThreshold;
import io.scrapline.alert.domain.RuleDraft;
import io.scrapline.alert.domain.StoredRule;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.PlantRepository;
import io.scrapline.alert.repository.RuleRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.alert.repository.ThresholdRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.OutOfScopeProblem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Rules: stored, read and deleted as entities in the tenant's transaction, each change with its audit entry. A rule's
 * scope decides who may touch it: a rule of a line is for tokens that cover the line, a rule of a whole plant for
 * tokens that cover the whole plant.
 */
@ApplicationScoped
public class RuleService {

    static final String ENTITY = "rule";

    private final TenantSessions sessions;
    private final RuleRepository rules;
    private final ThresholdRepository thresholds;
    private final AudienceRepository audiences;
    private final PlantRepository plants;
    private final AuditRepository audit;

    public RuleService(TenantSessions sessions, RuleRepository rules, ThresholdRepository thresholds,
            AudienceRepository audiences, PlantRepository plants, AuditRepository audit) {
        this.sessions = sessions;
        this.rules = rules;
        this.thresholds = thresholds;
        this.audiences = audiences;
        this.plants = plants;
        this.audit = audit;
    }

    /**
     * Creates or replaces the rule {@code id} as {@code actor}. The token must cover the scope it names and, when the
     * rule exists, the scope it had, so that a token of one plant or line cannot take over another's rule.
     *
     * @throws InvalidInputException
     *             naming the plant and each audience that does not exist
     */
    public Uni<Void> put(String tenant, Scope scope, String actor, String id, RuleDraft rule) {
        scope.requireLine(rule.plant(), rule.line(), "an alert rule");
        return sessions.inTenant(tenant, session -> missing(rule).chain(problems -> {
            if (!problems.isEmpty()) {
                throw new InvalidInputException("the rule names what does not exist", problems);
            }
            return rules.find(tenant, id);
        }).chain(existing -> {
            if (existing != null && !scope.covers(existing.getPlantId(), existing.getLineId())) {
                throw new OutOfScopeProblem("rule " + id + " watches a "
                        + (scope.coversPlant(existing.getPlantId()) ? "line" : "plant") + " outside the token's scope");
            }
            Uni<List<AlertThreshold>> levels = existing == null ? Uni.createFrom().item(List.of())
                    : thresholds.ofRules(List.of(id));
            return levels.chain(old -> {
                StoredRule before = existing == null ? null : StoredRule.of(existing, old);
                AlertRule row = existing != null ? existing : newRule(tenant, id);
                StoredRule.fill(row, rule, TenantSessions.now(), actor);
                Uni<?> saved = existing != null ? Uni.createFrom().item(row) : rules.persist(row);
                return saved.chain(() -> replaceThresholds(tenant, id, old, rule))
                        .chain(() -> record(tenant, actor, id, before == null ? "created" : "updated", before,
                                new StoredRule(id, rule, row.getUpdatedAt(), actor)));
            });
        }));
    }

    /**
     * The rule's thresholds made those of {@code rule}: a level it keeps is updated in place, a level it drops removed,
     * a new one added, all at the session's flush.
     */
    private Uni<Void> replaceThresholds(String tenant, String id, List<AlertThreshold> old, RuleDraft rule) {
        Map<String, AlertThreshold> stored = old.stream()
                .collect(Collectors.toMap(AlertThreshold::getLevel, threshold -> threshold));
        List<AlertThreshold> added = new ArrayList<>();
        for (AlertThreshold wanted : StoredRule.thresholds(tenant, id, rule)) {
            AlertThreshold kept = stored.remove(wanted.getLevel());
            if (kept == null) {
                added.add(wanted);
            } else {
                kept.setValue(wanted.getValue());
                kept.setFactor(wanted.getFactor());
                kept.setTrailingWindows(wanted.getTrailingWindows());
                kept.setAudienceIds(wanted.getAudienceIds());
                kept.setEscalationPolicyId(wanted.getEscalationPolicyId());
            }
        }
        Uni<Void> removed = stored.isEmpty() ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(stored.values()).onItem().transformToUniAndConcatenate(thresholds::delete)
                        .collect().last().replaceWithVoid();
        return added.isEmpty() ? removed : removed.chain(() -> thresholds.persist(added));
    }

    /** The rule, if the token covers its scope; otherwise not found, as another tenant's is. */
    public Uni<StoredRule> get(String tenant, Scope scope, String id) {
        return sessions.inTenant(tenant, session -> rules.find(tenant, id).chain(rule -> {
            if (rule == null || !scope.covers(rule.getPlantId(), rule.getLineId())) {
                throw new NotFoundProblem("no alert rule " + id);
            }
            return stored(rule);
        }));
    }

    /** The rules of {@code plant} (every plant when null) whose scope the token covers, by id. */
    public Uni<List<StoredRule>> list(String tenant, Scope scope, String plant) {
        return sessions.inTenant(tenant, session -> rules.listOf(plant).chain(all -> {
            List<AlertRule> visible = all.stream().filter(r -> scope.covers(r.getPlantId(), r.getLineId())).toList();
            return thresholds.ofRules(visible.stream().map(AlertRule::getRuleId).toList()).map(levels -> {
                Map<String, List<AlertThreshold>> byRule = levels.stream()
                        .collect(Collectors.groupingBy(AlertThreshold::getRuleId));
                return visible.stream().map(r -> StoredRule.of(r, byRule.getOrDefault(r.getRuleId(), List.of())))
                        .toList();
            });
        }));
    }

    /** Deletes the rule as {@code actor}; its alerts stay in the log. */
    public Uni<Void> delete(String tenant, Scope scope, String actor, String id) {
        return sessions.inTenant(tenant, session -> rules.find(tenant, id).chain(rule -> {
            if (rule == null || !scope.covers(rule.getPlantId(), rule.getLineId())) {
                throw new NotFoundProblem("no alert rule " + id);
            }
            return thresholds.ofRules(List.of(id)).chain(levels -> {
                StoredRule old = StoredRule.of(rule, levels);
                return Multi.createFrom().iterable(levels).onItem().transformToUniAndConcatenate(thresholds::delete)
                        .collect().last().chain(() -> rules.delete(rule))
                        .chain(() -> record(tenant, actor, id, "deleted", old, null));
            });
        }));
    }

    /** The plant, if missing, and each audience the thresholds name that does not exist. */
    private Uni<List<FieldError>> missing(RuleDraft rule) {
        return plants.exists(rule.plant()).chain(plantExists -> audiences.existing(rule.audiences()).map(found -> {
            List<FieldError> problems = new ArrayList<>();
            if (!plantExists) {
                problems.add(new FieldError(null, "plant", "no plant " + rule.plant()));
            }
            for (int i = 0; i < rule.thresholds().size(); i++) {
                for (String audience : rule.thresholds().get(i).audiences()) {
                    if (!found.contains(audience)) {
                        problems.add(rule.v1() ? new FieldError(null, "audience", "no audience " + audience)
                                : new FieldError(i + 1, "audiences", "no audience " + audience));
                    }
                }
            }
            return problems;
        }));
    }

    private Uni<StoredRule> stored(AlertRule rule) {
        return thresholds.ofRules(List.of(rule.getRuleId())).map(levels -> StoredRule.of(rule, levels));
    }

    /** The audit entry of a change, readable by the tokens that cover the scope before and after it. */
    private Uni<Void> record(String tenant, String actor, String id, String action, StoredRule before,
            StoredRule after) {
        List<RuleDraft> sides = Stream.of(before, after).filter(Objects::nonNull).map(StoredRule::rule).toList();
        String[] plants = sides.stream().map(RuleDraft::plant).distinct().toArray(String[]::new);
        String[] lines = sides.stream().anyMatch(side -> side.line() == null) ? null
                : sides.stream().map(RuleDraft::line).distinct().toArray(String[]::new);
        return audit.record(tenant, ENTITY, id, action, actor, plants, lines, before == null ? null : before.json(),
                after == null ? null : after.json());
    }

    private static AlertRule newRule(String tenant, String id) {
        AlertRule rule = new AlertRule();
        rule.setTenantId(tenant);
        rule.setRuleId(id);
        return rule;
    }
}

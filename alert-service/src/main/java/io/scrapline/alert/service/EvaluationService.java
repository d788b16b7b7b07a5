package io.scrapline.alert.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.Breach;
import io.scrapline.alert.domain.CandidateRule;
import io.scrapline.alert.domain.DeliveryRequest;
import io.scrapline.alert.domain.OpenedAlert;
import io.scrapline.alert.domain.RuleWindow;
import io.scrapline.alert.domain.Touch;
import io.scrapline.alert.domain.WindowInstance;
import io.scrapline.alert.domain.WindowPlanner;
import io.scrapline.alert.domain.WindowTarget;
import io.scrapline.alert.repository.AlertLogRepository;
import io.scrapline.alert.repository.EvaluationRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Evaluates the rules a change reaches against the current costed events, and opens an alert for each window instance
 * and level over its threshold: the alert's row and its hand-over to {@link DeliveryService} commit together, once,
 * however many evaluations (prompts, sweeps, replicas) find the same breach.
 */
@ApplicationScoped
public class EvaluationService {

    /** Events an alert names. */
    static final int TOP_EVENTS = 5;

    private final TenantDb db;
    private final EvaluationRepository evaluation;
    private final AlertLogRepository log;
    private final DeliveryService deliveries;
    private final AlertConfig config;

    public EvaluationService(TenantDb db, EvaluationRepository evaluation, AlertLogRepository log,
            DeliveryService deliveries, AlertConfig config) {
        this.db = db;
        this.evaluation = evaluation;
        this.log = log;
        this.deliveries = deliveries;
        this.config = config;
    }

    /**
     * Evaluates the rules of the plants in {@code scope} that {@code touch} reaches, in the windows it moved; returns
     * how many alerts it opened.
     */
    public Uni<Integer> evaluate(String tenant, Scope scope, Touch touch) {
        if (touch.plant() != null) {
            scope.requireWholePlant(touch.plant(), "evaluating alert rules");
        } else {
            scope.requireWholePlants("evaluating alert rules");
        }
        Instant now = Instant.now();
        return db.inTenant(tenant, connection -> evaluation.candidates(connection, touch, scope.plantArray()))
                .chain(rules -> rules.isEmpty() ? Uni.createFrom().item(List.<Breach> of())
                        : db.readInTenant(tenant, connection -> breaches(connection, targets(rules, touch, now))))
                .onItem().transformToMulti(breaches -> Multi.createFrom().iterable(breaches)).onItem()
                .transformToUniAndConcatenate(
                        breach -> db.inTenant(tenant, connection -> open(connection, breach, now)))
                .collect().asList().map(opened -> {
                    List<Long> ids = opened.stream().flatMap(Optional::stream).toList();
                    deliveries.deliverSoon(tenant, ids);
                    return ids.size();
                });
    }

    private Map<RuleWindow, List<WindowTarget>> targets(List<CandidateRule> rules, Touch touch, Instant now) {
        Map<RuleWindow, List<WindowTarget>> targets = new EnumMap<>(RuleWindow.class);
        for (CandidateRule rule : rules) {
            WindowPlanner.target(rule, touch, now, config.maxWindowAge())
                    .ifPresent(target -> targets.computeIfAbsent(rule.window(), w -> new ArrayList<>()).add(target));
        }
        return targets;
    }

    /** One statement per kind of window, in one snapshot. */
    private Uni<List<Breach>> breaches(SqlConnection connection, Map<RuleWindow, List<WindowTarget>> targets) {
        return Multi.createFrom().iterable(targets.entrySet()).onItem()
                .transformToUniAndConcatenate(kind -> evaluation.breaches(connection, kind.getKey(), kind.getValue()))
                .collect().in(ArrayList::new, List::addAll);
    }

    /**
     * Opens the breach's alert unless another evaluation did, with its deliveries in the same transaction (a failure
     * rolls both back and a later evaluation opens it again); the alert's id when this evaluation opened it.
     */
    private Uni<Optional<Long>> open(SqlConnection connection, Breach breach, Instant now) {
        CandidateRule rule = breach.rule();
        WindowInstance instance = WindowPlanner.instance(rule, breach.windowKey(), breach.firstAt(), breach.lastAt(),
                now);
        return evaluation.topEvents(connection, breach.target(), breach.windowKey(), TOP_EVENTS).chain(events -> {
            OpenedAlert alert = new OpenedAlert(0, null, breach.level(), rule.ruleId(), rule.name(), rule.plant(),
                    rule.plantName(), rule.line(), rule.workCenter(),
                    instance.shift() != null ? instance.shift() : rule.shift(), rule.defectCode(),
                    rule.defectCategory(), rule.metric(), breach.shownFigure(), breach.threshold(), breach.basis(),
                    rule.currency(), instance.window(), instance.key(), instance.period(), events, breach.audienceIds(),
                    breach.escalationPolicy(), List.of());
            return log.open(connection, alert).chain(opened -> {
                if (opened.isEmpty()) {
                    return Uni.createFrom().item(Optional.<Long> empty());
                }
                OpenedAlert raised = alert.opened(opened.get().alertId(), opened.get().at(), opened.get().recipients());
                return deliveries
                        .open(connection,
                                new DeliveryRequest(raised.alertId(), raised.level(), raised.audienceIds(),
                                        raised.escalationPolicyId(), raised.notice()))
                        .replaceWith(Optional.of(raised.alertId()));
            });
        });
    }
}

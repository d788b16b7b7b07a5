package io.scrapline.alert.service;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.AlertInputs;
import io.scrapline.alert.domain.AlertState;
import io.scrapline.alert.domain.LoggedAlert;
import io.scrapline.alert.domain.Notice;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Measure;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.Notice.Window;
import io.scrapline.alert.domain.Notice.WindowKind;
import io.scrapline.alert.repository.AlertRepository;
import io.scrapline.alert.repository.AlertRepository.Breach;
import io.scrapline.alert.repository.DeliveryLogRepository;
import io.scrapline.alert.repository.EscalationRepository;
import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.OutOfScopeProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Evaluates threshold rules against the rollups and raises each alert once per rule and period: the alert log's unique
 * key decides which evaluation raises it, and its deliveries open in the same transaction ({@link DeliveryService}).
 */
@ApplicationScoped
public class AlertService {

    private final TenantDb db;
    private final AlertRepository alerts;
    private final DeliveryLogRepository deliveryLog;
    private final EscalationRepository escalations;
    private final DeliveryService deliveries;

    public AlertService(TenantDb db, AlertRepository alerts, DeliveryLogRepository deliveryLog,
            EscalationRepository escalations, DeliveryService deliveries) {
        this.db = db;
        this.alerts = alerts;
        this.deliveryLog = deliveryLog;
        this.escalations = escalations;
        this.deliveries = deliveries;
    }

    /**
     * A rule watches a whole plant: the token must cover the plant it names and, when the rule exists, the plant it
     * watched, so that a token of one plant cannot take over another plant's rule.
     */
    public Uni<Void> putRule(String tenant, Scope scope, String rule, AlertInputs.Rule request) {
        scope.requireWholePlant(request.plant(), "an alert rule");
        return db.inTenant(tenant, connection -> alerts.missingReferences(connection, request).chain(missing -> {
            if (!missing.isEmpty()) {
                throw new InvalidInputException("the rule names what does not exist", missing.stream()
                        .map(field -> new FieldError(null, field,
                                "no " + field + " " + (field.equals("plant") ? request.plant() : request.audience())))
                        .toList());
            }
            return alerts.upsertRule(connection, rule, request, scope.plantArray()).invoke(stored -> {
                if (!stored) {
                    throw new OutOfScopeProblem("rule " + rule + " watches a plant outside the token's scope");
                }
            }).replaceWithVoid();
        }));
    }

    /**
     * Evaluates the rules a prompt names; with a null prompt, every rule of the plants in {@code scope}. Each alert
     * opens with its deliveries, which are attempted once they have committed. Returns the alerts raised.
     */
    public Uni<Integer> evaluate(String tenant, Scope scope, AlertPrompt prompt) {
        if (prompt != null && prompt.plant() != null) {
            scope.requireWholePlant(prompt.plant(), "evaluating alert rules");
        } else {
            scope.requireWholePlants("evaluating alert rules");
        }
        String[] plants = scope.plantArray();
        return db
                .inTenant(tenant,
                        connection -> prompt == null ? alerts.breaches(connection, null, null, null, plants)
                                : alerts.breaches(connection, prompt.plant(), prompt.period(), prompt.defectCodes(),
                                        plants))
                .onItem().transformToMulti(breaches -> Multi.createFrom().iterable(breaches)).onItem()
                .transformToUniAndConcatenate(breach -> db.inTenant(tenant, connection -> alerts.log(connection, breach)
                        .chain(logged -> logged.isEmpty() ? Uni.createFrom().item(List.<Long> of())
                                : deliveries.open(connection, logged.get(), Level.WARNING, List.of(breach.audience()),
                                        null, notice(logged.get(), breach)).replaceWith(List.of(logged.get())))))
                .collect().asList().map(raised -> {
                    List<Long> ids = raised.stream().flatMap(List::stream).collect(Collectors.toList());
                    deliveries.deliverSoon(tenant, ids);
                    return ids.size();
                });
    }

    /** What a rule of this version says: the defect code's cost over the plant's period, against the threshold. */
    static Notice notice(long alertId, Breach breach) {
        ZoneId zone = ZoneId.of(breach.timeZone());
        FiscalCalendar.Range range = FiscalCalendar.parse(breach.fiscalCalendar()).range(breach.period());
        Window window = new Window(WindowKind.PERIOD, range.first().atTime(LocalTime.MIDNIGHT).atZone(zone),
                range.last().plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone), breach.period());
        return new Notice(String.valueOf(alertId), Instant.now(), Level.WARNING, breach.ruleId(), null, breach.plant(),
                breach.plantName(), null, null, null, breach.defectCode(), null,
                new Measure(Metric.COST, breach.value(), breach.threshold()), breach.currency(), null, window,
                List.of(), List.of());
    }

    /**
     * The alerts of the plants in {@code scope}. An alert's value is a whole plant's figure: a token limited to lines
     * sees none.
     */
    public Uni<List<LoggedAlert>> list(String tenant, Scope scope, String status) {
        if (scope.limitedToLines()) {
            return Uni.createFrom().item(List.of());
        }
        return db.inTenant(tenant, connection -> alerts.list(connection, status, scope.plantArray()));
    }

    /**
     * An alert of the plants in {@code scope} with its acknowledgement, resolution, escalation and deliveries; as in
     * the list, a token limited to lines sees none.
     */
    public Uni<AlertState> state(String tenant, Scope scope, long alertId) {
        if (scope.limitedToLines()) {
            throw new NotFoundProblem("no alert " + alertId);
        }
        return db.readInTenant(tenant,
                connection -> alerts.find(connection, alertId, scope.plantArray()).chain(found -> {
                    if (found.isEmpty()) {
                        throw new NotFoundProblem("no alert " + alertId);
                    }
                    return escalations.responses(connection, alertId)
                            .chain(responses -> deliveryLog.ofAlert(connection, alertId)
                                    .map(list -> new AlertState(found.get(), responses.level(),
                                            responses.acknowledged(), responses.resolved(), responses.escalation(),
                                            list)));
                }));
    }
}

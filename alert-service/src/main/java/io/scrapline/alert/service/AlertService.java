package io.scrapline.alert.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.scrapline.alert.domain.AlertInputs;
import io.scrapline.alert.domain.LoggedAlert;
import io.scrapline.alert.repository.AlertRepository;
import io.scrapline.alert.repository.AlertRepository.Breach;
import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.egress.EgressPolicy;
import io.scrapline.platform.egress.EgressRefusedException;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.OutOfScopeProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Evaluates threshold rules against the rollups and sends each alert once per rule and period: the alert log's unique
 * key decides which evaluation sends, and the log records every attempt.
 */
@ApplicationScoped
public class AlertService {

    /** Sending attempts before an alert is left failed for a person to look at. */
    static final int MAX_ATTEMPTS = 5;

    private final TenantDb db;
    private final AlertRepository alerts;
    private final ReactiveMailer mailer;
    private final EgressPolicy egress;

    public AlertService(TenantDb db, AlertRepository alerts, ReactiveMailer mailer, EgressPolicy egress) {
        this.db = db;
        this.alerts = alerts;
        this.mailer = mailer;
        this.egress = egress;
    }

    /**
     * An audience is shared by the rules of every plant: only a token without a plant or line limit changes it. A
     * member's webhook URL must be one the egress policy lets the platform call; a name that does not resolve yet is no
     * error here, since every delivery checks again.
     */
    public Uni<Void> putAudience(String tenant, Scope scope, String audience, AlertInputs.Audience request) {
        scope.requireWholeTenant("an audience");
        return refusedWebhooks(request.members()).chain(refused -> {
            if (!refused.isEmpty()) {
                throw new InvalidInputException("a webhook URL is not one the platform may call", refused);
            }
            return db.inTenant(tenant, connection -> alerts.upsertAudience(connection, audience, request));
        });
    }

    private Uni<List<FieldError>> refusedWebhooks(List<AlertInputs.Member> members) {
        List<Uni<Optional<FieldError>>> checks = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String url = members.get(i).webhookUrl();
            if (url == null) {
                continue;
            }
            int row = i + 1;
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                checks.add(Uni.createFrom()
                        .item(Optional.of(new FieldError(row, "webhook_url", "must be an http or https URL"))));
                continue;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            checks.add(egress.check(uri.getHost(), port).map(checked -> Optional.<FieldError> empty())
                    .onFailure(EgressRefusedException.class)
                    .recoverWithItem(
                            () -> Optional.of(new FieldError(row, "webhook_url", EgressRefusedException.MESSAGE)))
                    .onFailure().recoverWithItem(Optional.empty()));
        }
        return checks.isEmpty() ? Uni.createFrom().item(List.of())
                : Multi.createFrom().iterable(checks).onItem().transformToUniAndConcatenate(check -> check)
                        .filter(Optional::isPresent).map(Optional::get).collect().asList();
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
     * Evaluates the rules a prompt names; with a null prompt, every rule of the plants in {@code scope}. Returns alerts
     * sent.
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
                .transformToUniAndConcatenate(
                        breach -> db.inTenant(tenant, connection -> alerts.log(connection, breach))
                                .chain(logged -> logged.isEmpty() ? Uni.createFrom().item(0)
                                        : send(tenant, logged.get(), breach).map(sent -> sent ? 1 : 0)))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Retries alerts whose sending failed. */
    public Uni<Void> retryUnsent(String tenant) {
        return db.inTenant(tenant, connection -> alerts.unsent(connection, MAX_ATTEMPTS)).onItem()
                .transformToMulti(pending -> Multi.createFrom().iterable(pending)).onItem()
                .transformToUniAndConcatenate(p -> send(tenant, p.alertId(), p.breach())).collect().last()
                .replaceWithVoid();
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
     * Acknowledges an alert of a plant in {@code scope}; one of another plant is not found, as another tenant's is. A
     * token limited to lines may acknowledge its plants' alerts: that is a receipt, it changes no figure or setting.
     */
    public Uni<Void> acknowledge(String tenant, Scope scope, long alertId) {
        return db.inTenant(tenant, connection -> alerts.acknowledge(connection, alertId, scope.plantArray()))
                .invoke(found -> {
                    if (!found) {
                        throw new NotFoundProblem("no alert " + alertId);
                    }
                }).replaceWithVoid();
    }

    /** Sends the alert's email and logs the outcome; whether it was sent. */
    private Uni<Boolean> send(String tenant, long alertId, Breach breach) {
        String subject = String.format("[Scrapline] %s %s: %s cost %s %s is over its threshold of %s", breach.plant(),
                breach.period(), breach.defectCode(), breach.value().toPlainString(), breach.currency(),
                breach.threshold().toPlainString());
        String body = String.format("""
                Defect code %s in plant %s has cost %s %s in period %s, over the threshold of %s %s set by rule %s.

                Alert %d. Acknowledge it with POST /api/v1/alerts/%d/acknowledge.
                """, breach.defectCode(), breach.plant(), breach.value().toPlainString(), breach.currency(),
                breach.period(), breach.threshold().toPlainString(), breach.currency(), breach.ruleId(), alertId,
                alertId);
        Mail mail = Mail.withText(breach.recipients().get(0), subject, body);
        mail.setTo(breach.recipients());
        return mailer.send(mail).chain(() -> db.inTenant(tenant, connection -> alerts.markSent(connection, alertId)))
                .replaceWith(true).onFailure().recoverWithUni(failure -> {
                    Log.warnf("alert %d of tenant %s was not sent: %s", alertId, tenant, failure.getMessage());
                    return db.inTenant(tenant,
                            connection -> alerts.markFailed(connection, alertId, String.valueOf(failure.getMessage())))
                            .replaceWith(false);
                });
    }
}

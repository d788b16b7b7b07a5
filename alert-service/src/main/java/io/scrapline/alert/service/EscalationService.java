package io.scrapline.alert.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.AlertEscalationPolicy;
import io.scrapline.alert.domain.EscalationPolicy;
import io.scrapline.alert.domain.EscalationPolicy.Step;
import io.scrapline.alert.repository.AlertLogRepository;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.DeliveryRepository;
import io.scrapline.alert.repository.EscalationRepository;
import io.scrapline.alert.repository.EscalationRepository.Timer;
import io.scrapline.alert.repository.PolicyRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.job.Backoff;
import io.scrapline.platform.job.Workers;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Escalation: the policies, the timers that take an alert nobody acknowledges to each next step's audiences, and the
 * acknowledgements and resolutions that stop them. A timer is a row of a leased queue, so it survives restarts and is
 * claimed by one worker of the cluster at a time.
 */
@ApplicationScoped
public class EscalationService {

    /** A timer whose step cannot be opened (the database, say) tries again, but not for ever. */
    static final int TIMER_ATTEMPTS = 10;
    static final Backoff TIMER_BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15));
    private static final String POLICY = "escalation_policy";
    /** A policy's audit entry names no plant: audiences, and so policies, are shared by every plant. */
    private static final String[] COVERS_TENANT = new String[0];

    private final TenantDb db;
    private final TenantSessions sessions;
    private final PolicyRepository policies;
    private final EscalationRepository escalations;
    private final AudienceRepository audiences;
    private final AlertLogRepository alerts;
    private final DeliveryRepository deliveries;
    private final AuditRepository audit;
    private final DeliveryService delivery;
    private final AlertConfig.Escalation config;
    private final String worker = Workers.id("alert-escalation");

    public EscalationService(TenantDb db, TenantSessions sessions, PolicyRepository policies,
            EscalationRepository escalations, AudienceRepository audiences, AlertLogRepository alerts,
            DeliveryRepository deliveries, AuditRepository audit, DeliveryService delivery, AlertConfig config) {
        this.db = db;
        this.sessions = sessions;
        this.policies = policies;
        this.escalations = escalations;
        this.audiences = audiences;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.audit = audit;
        this.delivery = delivery;
        this.config = config.escalation();
    }

    public String worker() {
        return worker;
    }

    /**
     * Creates or replaces a policy. Its audiences are shared by every plant, so only a token without a plant or line
     * limit changes it; every step's errors are named, with the step as the row.
     */
    public Uni<Void> putPolicy(String tenant, Scope scope, String actor, EscalationPolicy policy) {
        scope.requireWholeTenant("an escalation policy");
        return sessions.inTenant(tenant, session -> audiences.existing(policy.audiences()).chain(existing -> {
            List<FieldError> errors = new ArrayList<>(EscalationPolicy.errors(policy.steps()));
            for (int i = 0; i < policy.steps().size(); i++) {
                for (String audience : policy.steps().get(i).audiences()) {
                    if (!existing.contains(audience)) {
                        errors.add(new FieldError(i + 1, "audiences", "no audience " + audience));
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("the escalation policy is invalid", errors);
            }
            return policies.forUpdate(tenant, policy.id());
        }).chain(stored -> {
            String before = stored == null ? null : PolicyRepository.json(PolicyRepository.policy(stored));
            AlertEscalationPolicy row = stored != null ? stored : PolicyRepository.newRow(tenant, policy);
            PolicyRepository.fill(row, policy, actor, TenantSessions.now());
            Uni<?> saved = stored != null ? Uni.createFrom().item(row) : policies.persist(row);
            return saved.chain(() -> audit.record(tenant, POLICY, policy.id(), before == null ? "created" : "updated",
                    actor, COVERS_TENANT, null, before, PolicyRepository.json(policy)));
        }));
    }

    public Uni<EscalationPolicy> policy(String tenant, String id) {
        return sessions.inTenant(tenant, session -> policies.find(tenant, id)).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("no escalation policy " + id);
            }
            return PolicyRepository.policy(found);
        });
    }

    public Uni<List<EscalationPolicy>> policies(String tenant) {
        return sessions.inTenant(tenant, session -> policies.policies());
    }

    /** Deletes a policy; alerts already escalating by it go on with its steps as they were when they opened. */
    public Uni<Void> deletePolicy(String tenant, Scope scope, String actor, String id) {
        scope.requireWholeTenant("an escalation policy");
        return sessions.inTenant(tenant, session -> policies.forUpdate(tenant, id).chain(stored -> {
            if (stored == null) {
                throw new NotFoundProblem("no escalation policy " + id);
            }
            String before = PolicyRepository.json(PolicyRepository.policy(stored));
            return policies.delete(stored)
                    .chain(() -> audit.record(tenant, POLICY, id, "deleted", actor, COVERS_TENANT, null, before, null));
        }));
    }

    /**
     * Acknowledges an alert of a plant in {@code scope} (another plant's is not found, as another tenant's is): who,
     * when, and the comment; its escalation stops. A token limited to lines may: that is a receipt. Acknowledging again
     * changes nothing.
     */
    public Uni<Void> acknowledge(String tenant, Scope scope, String actor, long alertId, String comment) {
        return respond(tenant, scope, actor, alertId, comment, "acknowledged");
    }

    /** Resolves an alert as {@link #acknowledge} acknowledges it: its escalation stops. */
    public Uni<Void> resolve(String tenant, Scope scope, String actor, long alertId, String comment) {
        return respond(tenant, scope, actor, alertId, comment, "resolved");
    }

    private Uni<Void> respond(String tenant, Scope scope, String actor, long alertId, String comment, String action) {
        String[] plants = scope.plantArray();
        return db.inTenant(tenant, connection -> escalations.lockAlert(connection, alertId, plants).chain(found -> {
            if (!found) {
                throw new NotFoundProblem("no alert " + alertId);
            }
            Uni<Boolean> status = action.equals("acknowledged") ? alerts.acknowledge(connection, alertId, plants)
                    : Uni.createFrom().item(true);
            return status.chain(() -> escalations.respond(connection, alertId, action, actor, comment))
                    .chain(first -> !first ? Uni.createFrom().voidItem()
                            : escalations.stopWaiting(connection, alertId, action)
                                    .chain(() -> audit.audit(connection, "alert", String.valueOf(alertId), action,
                                            actor, null, new JsonObject().put("comment", comment))));
        }));
    }

    /** Fires the tenant's due escalation timers until none is left; returns how many this worker fired. */
    public Uni<Integer> drain(String tenant, String worker) {
        return db.inTenant(tenant, connection -> escalations.claim(connection, worker, config.lease()))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : fire(tenant, claimed.get()).chain(() -> drain(tenant, worker)).map(more -> more + 1));
    }

    /**
     * Opens the timer's step unless the alert was acknowledged or resolved, then times the step after it, if any; the
     * step's deliveries are attempted once they have committed.
     */
    Uni<Void> fire(String tenant, Timer timer) {
        return db.inTenant(tenant, connection -> escalations.hold(connection, timer).chain(held -> {
            if (!held) {
                return Uni.createFrom().item(false);
            }
            return escalations.stopReason(connection, timer.alertId()).chain(reason -> {
                if (reason.isPresent()) {
                    return escalations.stop(connection, timer, reason.get()).replaceWith(false);
                }
                return deliveries.notice(connection, timer.alertId()).chain(notice -> {
                    Step step = timer.steps().get(timer.nextStep() - 1);
                    Uni<Integer> opened = notice.isEmpty() ? Uni.createFrom().item(0)
                            : delivery.openStep(connection, timer.alertId(), notice.get(), step.audiences(),
                                    timer.nextStep());
                    return opened.chain(count -> next(connection, timer)
                            .invoke(() -> Log.infof("alert %d of tenant %s escalated to step %d (%d deliveries)",
                                    timer.alertId(), tenant, timer.nextStep(), count)))
                            .replaceWith(true);
                });
            });
        })).invoke(escalated -> {
            if (escalated) {
                delivery.deliverSoon(tenant, List.of(timer.alertId()));
            }
        }).replaceWithVoid().onFailure().recoverWithUni(failure -> {
            Log.warnf(failure, "the escalation of alert %d of tenant %s failed; it is tried again", timer.alertId(),
                    tenant);
            String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return db.inTenant(tenant,
                    connection -> escalations.hold(connection, timer).chain(held -> !held ? Uni.createFrom().voidItem()
                            : escalations.fail(connection, timer, error, TIMER_ATTEMPTS, TIMER_BACKOFF)));
        });
    }

    private Uni<Void> next(SqlConnection connection, Timer timer) {
        int following = timer.nextStep() + 1;
        if (following > timer.steps().size()) {
            return escalations.stop(connection, timer, "last_step");
        }
        Duration delay = timer.steps().get(following - 1).delay();
        return escalations.advance(connection, timer, following, Instant.now().plus(delay));
    }
}

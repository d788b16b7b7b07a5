package io.scrapline.alert.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.client.SmsSender;
import io.scrapline.alert.domain.AlertDelivery;
import io.scrapline.alert.domain.Channel;
import io.scrapline.alert.domain.Delivery;
import io.scrapline.alert.domain.DeliveryPlan;
import io.scrapline.alert.domain.DeliveryRequest;
import io.scrapline.alert.domain.EscalationPolicy;
import io.scrapline.alert.domain.Member;
import io.scrapline.alert.domain.Notice;
import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.AuditRepository;
import io.scrapline.alert.repository.DeliveryLogRepository;
import io.scrapline.alert.repository.DeliveryRepository;
import io.scrapline.alert.repository.DeliveryRepository.Opening;
import io.scrapline.alert.repository.EscalationRepository;
import io.scrapline.alert.repository.PolicyRepository;
import io.scrapline.alert.repository.TenantSessions;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.ConflictProblem;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Opens the deliveries of an alert (one per recipient and channel, on the queue every replica works on) and lets people
 * read them and send a dead one again. {@link #open} is the seam the evaluation calls as an alert opens.
 */
@ApplicationScoped
public class DeliveryService {

    private final TenantSessions sessions;
    private final DeliveryRepository deliveries;
    private final DeliveryLogRepository log;
    private final AudienceRepository audiences;
    private final PolicyRepository policies;
    private final EscalationRepository escalations;
    private final AuditRepository audit;
    private final SmsSender sms;
    private final DeliveryWorker worker;

    public DeliveryService(TenantSessions sessions, DeliveryRepository deliveries, DeliveryLogRepository log,
            AudienceRepository audiences, PolicyRepository policies, EscalationRepository escalations,
            AuditRepository audit, SmsSender sms, DeliveryWorker worker) {
        this.sessions = sessions;
        this.deliveries = deliveries;
        this.log = log;
        this.audiences = audiences;
        this.policies = policies;
        this.escalations = escalations;
        this.audit = audit;
        this.sms = sms;
        this.worker = worker;
    }

    /**
     * Opens the deliveries of an alert that has just opened, in the caller's transaction, so that the alert and its
     * deliveries commit together: the level's audiences and the escalation policy's first step hear of it, and the
     * policy's next step is timed. After the commit, {@link #deliverSoon} attempts them at once. Returns how many
     * deliveries it opened (an alert added to a digest counts).
     *
     * @param policyId
     *            the escalation policy, or null for none; one that does not exist (any more) is left out, logged
     */
    public Uni<Integer> open(SqlConnection connection, long alertId, Level level, List<String> audienceIds,
            String policyId, Notice notice) {
        return open(connection, new DeliveryRequest(alertId, level, audienceIds, policyId, notice));
    }

    public Uni<Integer> open(SqlConnection connection, DeliveryRequest request) {
        Uni<Optional<EscalationPolicy>> policy = request.escalationPolicyId() == null
                ? Uni.createFrom().item(Optional.empty())
                : policies.policy(connection, request.escalationPolicyId());
        return deliveries.saveNotice(connection, request.alertId(), request.notice(), request.audiences(),
                request.escalationPolicyId()).chain(() -> policy).chain(found -> {
                    LinkedHashSet<String> first = new LinkedHashSet<>(request.audiences());
                    Uni<Void> timer = Uni.createFrom().voidItem();
                    if (found.isPresent()) {
                        List<EscalationPolicy.Step> steps = found.get().steps();
                        first.addAll(steps.get(0).audiences());
                        if (steps.size() > 1) {
                            timer = escalations.schedule(connection, request.alertId(), found.get(), 2,
                                    Instant.now().plus(steps.get(1).delay()));
                        }
                    } else if (request.escalationPolicyId() != null) {
                        Log.warnf("alert %d names escalation policy %s, which does not exist: it does not escalate",
                                request.alertId(), request.escalationPolicyId());
                    }
                    return timer.chain(
                            () -> openStep(connection, request.alertId(), request.notice(), List.copyOf(first), 1));
                });
    }

    /**
     * Attempts the alerts' due deliveries now, on this replica, once the transaction that opened them has committed;
     * every due delivery of the tenant when {@code alerts} is null. Returns at once: the attempts run on their own.
     */
    public void deliverSoon(String tenant, List<Long> alerts) {
        if (alerts != null && alerts.isEmpty()) {
            return;
        }
        worker.drain(tenant, worker.worker(), alerts).subscribe().with(done -> {
        }, failure -> Log.warnf(failure, "the deliveries of tenant %s wait for the workers' next round", tenant));
    }

    /**
     * Opens the deliveries of one step (from 1) to every member of its audiences who follows the alert's line, on each
     * channel the member has; an address already reached for the alert is not reached again. Returns how many.
     */
    Uni<Integer> openStep(SqlConnection connection, long alertId, Notice notice, List<String> audienceIds, int step) {
        Instant now = Instant.now();
        return audiences.members(connection, audienceIds).chain(found -> {
            List<Uni<Boolean>> opened = new ArrayList<>();
            for (String audience : audienceIds) {
                List<Member> members = found.get(audience);
                if (members == null) {
                    Log.warnf("alert %d names audience %s, which does not exist", alertId, audience);
                    continue;
                }
                for (Member member : members) {
                    if (!member.follows(notice.line())) {
                        continue;
                    }
                    DeliveryPlan plan = DeliveryPlan.of(notice.level(), member, now);
                    for (Opening opening : openings(member, plan)) {
                        opened.add(open(connection, alertId, notice, audience, step, opening));
                    }
                }
            }
            return opened.isEmpty() ? Uni.createFrom().item(0)
                    : Multi.createFrom().iterable(opened).onItem().transformToUniAndConcatenate(each -> each)
                            .filter(Boolean::booleanValue).collect().asList().map(List::size);
        });
    }

    private Uni<Boolean> open(SqlConnection connection, long alertId, Notice notice, String audience, int step,
            Opening opening) {
        if (!opening.plan().digest()) {
            return deliveries.openAlert(connection, alertId, notice, audience, step, opening).map(Optional::isPresent);
        }
        return deliveries.addToDigest(connection, alertId, notice, audience, step, opening).chain(digest -> {
            if (digest.isPresent()) {
                return Uni.createFrom().item(true);
            }
            // The hour's digest is on its way already: this alert goes on its own.
            Opening alone = new Opening(opening.recipient(), opening.role(), opening.channel(), opening.destination(),
                    opening.format(), opening.sealedSecret(),
                    new DeliveryPlan(Instant.now(), null, null, opening.plan().zone()));
            return deliveries.openAlert(connection, alertId, notice, audience, step, alone).map(Optional::isPresent);
        });
    }

    /** A delivery per channel the member has; SMS only while an SMS provider is configured. */
    private List<Opening> openings(Member member, DeliveryPlan plan) {
        List<Opening> openings = new ArrayList<>();
        if (member.email() != null) {
            openings.add(new Opening(member.name(), member.role(), Channel.EMAIL, member.email(), null, null, plan));
        }
        if (member.phone() != null && sms.configured()) {
            openings.add(new Opening(member.name(), member.role(), Channel.SMS, member.phone(), null, null, plan));
        }
        if (member.webhookUrl() != null) {
            openings.add(new Opening(member.name(), member.role(), Channel.WEBHOOK, member.webhookUrl(),
                    member.webhookFormat(), member.webhookSecret(), plan));
        }
        return openings;
    }

    /**
     * The deliveries of the plants in {@code scope}, newest first; a token limited to lines sees none, as it sees no
     * alerts.
     *
     * @param status
     *            {@code queued}, {@code running}, {@code delivered} or {@code dead}, or null for all
     */
    public Uni<List<Delivery>> list(String tenant, Scope scope, String status, Long alert, String channel, int page,
            int size) {
        List<FieldError> errors = new ArrayList<>();
        String stored = status == null ? null : Delivery.storedStatus(status);
        if (status != null && stored == null) {
            errors.add(new FieldError(null, "status", "must be queued, running, delivered or dead"));
        }
        if (channel != null && !List.of("email", "sms", "webhook").contains(channel)) {
            errors.add(new FieldError(null, "channel", "must be email, sms or webhook"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the filters are invalid", errors);
        }
        if (scope.limitedToLines()) {
            return Uni.createFrom().item(List.of());
        }
        return sessions.inTenant(tenant, session -> log.list(stored, alert, channel, scope.plantArray(), page, size));
    }

    /** The delivery with every attempt at it. */
    public Uni<Delivery> get(String tenant, Scope scope, long id) {
        if (scope.limitedToLines()) {
            throw new NotFoundProblem("no delivery " + id);
        }
        return sessions.inTenant(tenant, session -> log.get(tenant, id, scope.plantArray())).map(found -> {
            if (found == null) {
                throw new NotFoundProblem("no delivery " + id);
            }
            return found;
        });
    }

    /**
     * Queues a dead delivery again, due now: the dead letter's re-send.
     *
     * @throws ConflictProblem
     *             for a delivery that is not dead
     */
    public Uni<Delivery> resend(String tenant, Scope scope, String actor, long id) {
        if (scope.limitedToLines()) {
            throw new NotFoundProblem("no delivery " + id);
        }
        return sessions.inTenant(tenant, session -> log.forResend(tenant, id, scope.plantArray()).chain(row -> {
            if (row == null) {
                throw new NotFoundProblem("no delivery " + id);
            }
            if (!AlertDelivery.FAILED.equals(row.getStatus())) {
                throw new ConflictProblem("delivery " + id + " is not dead: only the dead letter is sent again");
            }
            row.requeue(actor, TenantSessions.now());
            // The entry names the delivery's plants, so that a token of those plants reads it.
            return audit.record(tenant, "delivery", String.valueOf(id), "resent", actor, row.getPlantIds(), null, null,
                    new JsonObject().put("status", "queued").encode());
        })).chain(() -> get(tenant, scope, id)).invoke(() -> deliverSoon(tenant, null));
    }
}

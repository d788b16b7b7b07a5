package io.scrapline.alert.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.client.EmailSender;
import io.scrapline.alert.client.SmsSender;
import io.scrapline.alert.client.WebhookSender;
import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.DeliverySchedule;
import io.scrapline.alert.domain.DeliverySchedule.Decision;
import io.scrapline.alert.domain.DeliverySchedule.Outcome;
import io.scrapline.alert.domain.Digest;
import io.scrapline.alert.domain.WebhookEndpoint;
import io.scrapline.alert.repository.DeliveryRepository;
import io.scrapline.alert.repository.DeliveryRepository.Claimed;
import io.scrapline.alert.repository.DeliveryRepository.Content;
import io.scrapline.platform.job.Workers;
import io.scrapline.platform.secrets.SecretBox;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Works the queue of deliveries: claims a due one, and in one transaction that holds the claim sends it on its channel,
 * records the attempt and ends it as delivered, queued again after its back-off, or dead. The transaction's lock keeps
 * every other worker off the delivery while it is attempted, however long that takes; a worker that dies between its
 * claim and its attempt leaves the delivery to be taken over when the claim's lease runs out.
 */
@ApplicationScoped
public class DeliveryWorker {

    private final TenantDb db;
    private final DeliveryRepository deliveries;
    private final EmailSender email;
    private final SmsSender sms;
    private final WebhookSender webhooks;
    private final SecretBox secrets;
    private final AlertConfig.Delivery config;
    private final DeliverySchedule schedule;
    /** This replica in the queue's claimed_by: the pod name in Kubernetes, made unique per start. */
    private final String worker = Workers.id("alert");

    public DeliveryWorker(TenantDb db, DeliveryRepository deliveries, EmailSender email, SmsSender sms,
            WebhookSender webhooks, SecretBox secrets, AlertConfig config) {
        this.db = db;
        this.deliveries = deliveries;
        this.email = email;
        this.sms = sms;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.config = config.delivery();
        this.schedule = config.delivery().schedule();
    }

    public String worker() {
        return worker;
    }

    /**
     * Attempts the tenant's due deliveries (of {@code alerts} only, unless null) until none is left, several at a time
     * ({@code scrapline.alert.delivery.concurrency}); returns how many this worker attempted.
     */
    public Uni<Integer> drain(String tenant, String worker, List<Long> alerts) {
        List<Uni<Integer>> loops = new ArrayList<>();
        for (int i = 0; i < Math.max(1, config.concurrency()); i++) {
            loops.add(loop(tenant, worker, alerts));
        }
        return Uni.join().all(loops).andFailFast().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> loop(String tenant, String worker, List<Long> alerts) {
        return db.inTenant(tenant, connection -> deliveries.claim(connection, worker, config.lease(), alerts))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : attempt(tenant, claimed.get()).chain(() -> loop(tenant, worker, alerts))
                                .map(more -> more + 1));
    }

    /**
     * One attempt under the claim; nothing if the claim was lost meanwhile. A failure of the attempt itself (not of the
     * channel: the database, a secret that cannot be opened) counts as a retryable failure.
     */
    Uni<Void> attempt(String tenant, Claimed claimed) {
        Instant started = Instant.now();
        return db.inTenant(tenant, connection -> deliveries.hold(connection, claimed).chain(held -> {
            if (!held) {
                return Uni.createFrom().voidItem();
            }
            return deliveries.content(connection, claimed.id()).chain(content -> send(content).chain(result -> {
                Decision decision = schedule.after(result, claimed.attemptSinceQueued(), claimed.firstDue(),
                        Instant.now());
                return deliveries.record(connection, claimed, started, result, decision, wait(decision),
                        content.alerts());
            }));
        })).onFailure().recoverWithUni(failure -> {
            Log.warnf(failure, "delivery %d of tenant %s (attempt %d) could not be attempted", claimed.id(), tenant,
                    claimed.attempts());
            DeliveryResult result = DeliveryResult.retryable(ErrorClass.INTERNAL, null,
                    "the attempt could not be made; it is retried", null);
            Decision decision = schedule.after(result, claimed.attemptSinceQueued(), claimed.firstDue(), Instant.now());
            // The alert log is left as it is: what failed may have been reading the delivery's alerts.
            return db.inTenant(tenant, connection -> deliveries.hold(connection, claimed).chain(held -> !held
                    ? Uni.createFrom().voidItem()
                    : deliveries.record(connection, claimed, started, result, decision, wait(decision), List.of())));
        });
    }

    private static Duration wait(Decision decision) {
        if (decision.outcome() != Outcome.RETRY) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(Instant.now(), decision.nextAttemptAt());
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** The alert, or the digest, on the delivery's channel. */
    private Uni<DeliveryResult> send(Content content) {
        if (content.notices().isEmpty()) {
            return Uni.createFrom()
                    .item(DeliveryResult.permanent(ErrorClass.INTERNAL, null, "the alert's content is not stored"));
        }
        boolean digest = "digest".equals(content.kind());
        Digest hour = digest
                ? new Digest(content.digestFrom(), content.digestUntil(), content.zone(), content.notices())
                : null;
        return switch (content.channel()) {
            case EMAIL -> digest ? email.send(List.of(content.destination()), hour)
                    : email.send(List.of(content.destination()), content.notices().get(0));
            case SMS -> digest ? sms.send(content.destination(), hour)
                    : sms.send(content.destination(), content.notices().get(0));
            case WEBHOOK -> {
                if (content.sealedSecret() == null) {
                    yield Uni.createFrom().item(DeliveryResult.permanent(ErrorClass.INVALID_DESTINATION, null,
                            "the webhook has no signing secret: write its audience again to get one"));
                }
                WebhookEndpoint endpoint = new WebhookEndpoint(content.destination(), content.format(),
                        secrets.open(content.sealedSecret()));
                yield digest ? webhooks.send(endpoint, content.messageId(), hour)
                        : webhooks.send(endpoint, content.messageId(), content.notices().get(0));
            }
        };
    }
}

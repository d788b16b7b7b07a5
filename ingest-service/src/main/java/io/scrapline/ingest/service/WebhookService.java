package io.scrapline.ingest.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.ingest.config.IngestConfig;
import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.CloudEvent;
import io.scrapline.ingest.domain.UnverifiedWebhookProblem;
import io.scrapline.ingest.domain.WebhookSignature;
import io.scrapline.ingest.repository.SourceRepository;
import io.scrapline.ingest.repository.SourceRepository.WebhookKeys;
import io.scrapline.ingest.repository.WebhookDeliveryRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.ConflictProblem;
import io.scrapline.platform.problem.TooLargeProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Receives one signed CloudEvent from a source: verifies the Standard Webhooks signature, refuses stale and replayed
 * deliveries, and lands the event's record as a one-row batch together with the delivery's id, in one transaction.
 */
@ApplicationScoped
public class WebhookService {

    /** The Standard Webhooks headers of one delivery; any may be null when the sender left it out. */
    public record Delivery(String webhookId, String timestamp, String signature) {
    }

    private final TenantDb db;
    private final SourceRepository sources;
    private final WebhookDeliveryRepository deliveries;
    private final IngestService ingest;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();

    public WebhookService(TenantDb db, SourceRepository sources, WebhookDeliveryRepository deliveries,
            IngestService ingest, IngestConfig config) {
        this.db = db;
        this.sources = sources;
        this.deliveries = deliveries;
        this.ingest = ingest;
        this.config = config;
    }

    /** Stores the event's record and answers with its batch; nothing is stored unless everything checks out. */
    public Uni<BatchSummary> receive(String tenant, Scope scope, String source, Delivery delivery, byte[] body) {
        if (isBlank(delivery.webhookId()) || isBlank(delivery.timestamp()) || isBlank(delivery.signature())) {
            return Uni.createFrom().failure(new UnverifiedWebhookProblem(
                    "the webhook-id, webhook-timestamp and webhook-signature headers are required"));
        }
        if (!WebhookSignature.isFresh(delivery.timestamp(), clock.instant(), config.webhookTolerance())) {
            return Uni.createFrom().failure(new UnverifiedWebhookProblem("the webhook-timestamp must be unix seconds "
                    + "within " + config.webhookTolerance().toSeconds() + " s of now"));
        }
        if (body.length > config.webhookMaxBytes()) {
            return Uni.createFrom().failure(new TooLargeProblem(
                    "an event may have at most " + config.webhookMaxBytes() + " bytes; send larger loads as a batch"));
        }
        return db.inTenant(tenant, connection -> sources.webhookKeys(connection, source, delivery.webhookId()))
                .map(keys -> verified(source, delivery, body, keys)).chain(event -> {
                    IngestService.Submission submission = new IngestService.Submission(tenant, source,
                            event.recordType(), false, false, scope);
                    return ingest
                            .ingest(submission, event.rows(),
                                    (connection, summary) -> deliveries.insert(connection, source, delivery.webhookId(),
                                            event.type(), summary.batchId()))
                            .onFailure(WebhookService::isReplay).transform(e -> replayed(source, delivery))
                            .invoke(summary -> Log.debugf("source %s delivered %s %s as batch %s", source, event.type(),
                                    delivery.webhookId(), summary.batchId()));
                });
    }

    /** The event, if the delivery is signed with one of the source's valid secrets and was not delivered before. */
    private static CloudEvent verified(String source, Delivery delivery, byte[] body, Optional<WebhookKeys> found) {
        WebhookKeys keys = found.filter(k -> k.current() != null).orElseThrow(() -> new UnverifiedWebhookProblem(
                "source " + source + " has no webhook secret; create the source or rotate its secret to get one"));
        boolean signed = WebhookSignature.matches(keys.current(), delivery.webhookId(), delivery.timestamp(), body,
                delivery.signature())
                || WebhookSignature.matches(keys.previous(), delivery.webhookId(), delivery.timestamp(), body,
                        delivery.signature());
        if (!signed) {
            throw new UnverifiedWebhookProblem(
                    "the webhook-signature does not match the body under the source's webhook secret");
        }
        if (keys.delivered()) {
            throw replayed(source, delivery);
        }
        return CloudEvent.parse(body);
    }

    /** A concurrent delivery of the same id got past the check above but loses on the primary key. */
    private static boolean isReplay(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && WebhookDeliveryRepository.PRIMARY_KEY.equals(pg.getConstraint());
    }

    private static ConflictProblem replayed(String source, Delivery delivery) {
        return new ConflictProblem(
                "webhook-id " + delivery.webhookId() + " was already delivered for source " + source);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

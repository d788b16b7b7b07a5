package io.scrapline.alert.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.client.EmailSender;
import io.scrapline.alert.client.ReportReader;
import io.scrapline.alert.client.ReportUnavailableException;
import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.DistributionEmail;
import io.scrapline.alert.domain.DistributionRun;
import io.scrapline.alert.domain.Email;
import io.scrapline.alert.domain.Recipient;
import io.scrapline.alert.domain.RecipientOutcome;
import io.scrapline.alert.domain.ReportSummary;
import io.scrapline.alert.domain.Subscription;
import io.scrapline.alert.repository.DistributionRunRepository;
import io.scrapline.alert.repository.DistributionRunRepository.Claimed;
import io.scrapline.alert.repository.DistributionRunRepository.Work;
import io.scrapline.platform.job.Workers;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Sends the runs of distributions, on every replica: claims a run (FOR UPDATE SKIP LOCKED, under a lease), then sends
 * each of its recipients not served yet the report in their role's view, in the subscribed formats, and records the
 * outcome of each before going on to the next. The claim is renewed before each recipient, and a worker whose claim was
 * taken over stops there, so two workers never send to the same recipient of a run. A recipient the SMTP server did not
 * take (or whose report reporting did not give) fails the run, which is retried after its back-off with only the
 * recipients not reached. A replica that dies between the server's acceptance of an email and its record sends that one
 * email again when the run is taken over.
 */
@ApplicationScoped
public class DistributionSender {

    private final TenantDb db;
    private final DistributionRunRepository runs;
    private final ReportReader reports;
    private final EmailSender email;
    private final AlertConfig.Distribution config;
    private final String publicBaseUrl;
    /** This replica in the runs' claimed_by: the pod name in Kubernetes, made unique per start. */
    private final String worker = Workers.id("alert");

    public DistributionSender(TenantDb db, DistributionRunRepository runs, ReportReader reports, EmailSender email,
            AlertConfig config) {
        this.db = db;
        this.runs = runs;
        this.reports = reports;
        this.email = email;
        this.config = config.distribution();
        this.publicBaseUrl = config.publicBaseUrl();
    }

    public String worker() {
        return worker;
    }

    /** Claims and sends the tenant's claimable runs until none is left; how many runs this worker took. */
    public Uni<Integer> drain(String tenant, String worker) {
        return db.inTenant(tenant, connection -> runs.claim(connection, worker, config.lease()))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : send(tenant, claimed.get()).chain(() -> drain(tenant, worker)).map(more -> more + 1));
    }

    private Uni<Void> send(String tenant, Claimed claimed) {
        DistributionRun run = claimed.run();
        return db.inTenant(tenant, connection -> runs.work(connection, run)).chain(work -> {
            if (!work.enabled()) {
                // Deleted or disabled since the run was queued: nothing to send.
                return finish(tenant, claimed, List.of());
            }
            List<Recipient> waiting = work.recipients().stream()
                    .filter(recipient -> !work.served().contains(recipient.email())).toList();
            return deliver(tenant, claimed, work, new Reports(tenant, run), waiting, 0, new ArrayList<>());
        }).onFailure().recoverWithUni(failure -> {
            Log.warnf(failure, "distribution run %s of %s for plant %s (tenant %s) failed", run.runKey(),
                    run.subscriptionId(), run.plant(), tenant);
            String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return db.inTenant(tenant, connection -> runs.fail(connection, claimed.claim(), error, config.attempts(),
                    config.retry().backoff())).replaceWithVoid().onFailure().recoverWithNull();
        });
    }

    /** Sends to the recipients from {@code next} on, one after the other, as long as the run is still this worker's. */
    private Uni<Void> deliver(String tenant, Claimed claimed, Work work, Reports cache, List<Recipient> waiting,
            int next, List<RecipientOutcome> outcomes) {
        if (next == waiting.size()) {
            return finish(tenant, claimed, outcomes);
        }
        Recipient recipient = waiting.get(next);
        DistributionRun run = claimed.run();
        return db.inTenant(tenant, connection -> runs.extend(connection, claimed.claim(), config.lease()))
                .chain(held -> {
                    if (!held) {
                        Log.infof("distribution run %s of %s was taken over by another worker", run.runKey(),
                                run.subscriptionId());
                        return Uni.createFrom().voidItem();
                    }
                    return outcome(work, cache, recipient)
                            .call(outcome -> db.inTenant(tenant,
                                    connection -> runs.record(connection, run, recipient, work.formats(), outcome)))
                            .chain(outcome -> {
                                outcomes.add(outcome);
                                return deliver(tenant, claimed, work, cache, waiting, next + 1, outcomes);
                            });
                });
    }

    private Uni<RecipientOutcome> outcome(Work work, Reports cache, Recipient recipient) {
        List<Recipient.ReportView> views = recipient.views();
        if (views.isEmpty()) {
            return Uni.createFrom().item(RecipientOutcome.skipped("the member's role and lines take no report of plant "
                    + cache.run.plant() + ": a supervisor, or a member limited to lines, needs one of its lines"));
        }
        List<Uni<DistributionEmail.Part>> parts = views.stream().map(view -> part(work, cache, view)).toList();
        return Uni.join().all(parts).andFailFast()
                .chain(all -> email.send(DistributionEmail.of(recipient, work.plantName(), cache.run, all)))
                .map(RecipientOutcome::of).onFailure(ReportUnavailableException.class).recoverWithItem(failure -> {
                    ReportUnavailableException unavailable = (ReportUnavailableException) failure;
                    return RecipientOutcome.reportUnavailable(unavailable.retryable(), unavailable.status(),
                            "the report could not be had: " + unavailable.getMessage());
                });
    }

    private Uni<DistributionEmail.Part> part(Work work, Reports cache, Recipient.ReportView view) {
        List<String> attached = work.formats().stream().filter(ReportReader.MEDIA_TYPES::containsKey).toList();
        Uni<List<Email.Attachment>> files = attached
                .isEmpty()
                        ? Uni.createFrom().item(List.of())
                        : Uni.join()
                                .all(attached.stream()
                                        .map(format -> cache.file(view, format)
                                                .map(bytes -> new Email.Attachment(cache.run.fileName(view, format),
                                                        bytes, ReportReader.MEDIA_TYPES.get(format))))
                                        .toList())
                                .andFailFast();
        String link = work.formats().contains(Subscription.HTML_LINK) ? cache.run.link(publicBaseUrl, view) : null;
        return Uni.combine().all().unis(cache.summary(view), files)
                .with((summary, all) -> new DistributionEmail.Part(view, summary, all, link));
    }

    /** Completes the run, or fails it for a retry while some recipient was not reached. */
    private Uni<Void> finish(String tenant, Claimed claimed, List<RecipientOutcome> outcomes) {
        List<RecipientOutcome> retry = outcomes.stream().filter(RecipientOutcome::retryable).toList();
        if (retry.isEmpty()) {
            return db.inTenant(tenant, connection -> runs.complete(connection, claimed.claim())).replaceWithVoid();
        }
        String error = retry.size() + " of " + outcomes.size() + " recipients not reached; the first: "
                + retry.get(0).summary();
        return db.inTenant(tenant, connection -> runs.fail(connection, claimed.claim(), error, config.attempts(),
                config.retry().backoff())).replaceWithVoid();
    }

    /**
     * The reports of one run, each read once however many recipients share its view: a failure is kept too, so the
     * recipients of a view reporting could not give fail alike.
     */
    private final class Reports {

        private final String tenant;
        private final DistributionRun run;
        private final Map<List<String>, Uni<byte[]>> files = new ConcurrentHashMap<>();
        private final Map<List<String>, Uni<ReportSummary>> summaries = new ConcurrentHashMap<>();

        Reports(String tenant, DistributionRun run) {
            this.tenant = tenant;
            this.run = run;
        }

        Uni<byte[]> file(Recipient.ReportView view, String format) {
            return files.computeIfAbsent(key(view, format),
                    key -> reports.file(tenant, run, view, format).memoize().indefinitely());
        }

        Uni<ReportSummary> summary(Recipient.ReportView view) {
            return summaries.computeIfAbsent(key(view, "json"),
                    key -> reports.summary(tenant, run, view).memoize().indefinitely());
        }
    }

    /** A report of a run by view, line (null for the whole plant) and format. */
    private static List<String> key(Recipient.ReportView view, String format) {
        return Arrays.asList(view.view(), view.line(), format);
    }
}

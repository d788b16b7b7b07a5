package io.scrapline.alert.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.client.EmailSender;
import io.scrapline.alert.config.ReferenceNoticeConfig;
import io.scrapline.alert.domain.DigestRow;
import io.scrapline.alert.domain.Email;
import io.scrapline.alert.domain.ExceptionDigestEmail;
import io.scrapline.alert.domain.Member;
import io.scrapline.alert.domain.NoticeLinks;
import io.scrapline.alert.domain.RecipientOutcome;
import io.scrapline.alert.domain.ReferenceNotice;
import io.scrapline.alert.domain.ReferenceNoticeSettings;
import io.scrapline.alert.domain.UnmappedValueEmail;
import io.scrapline.alert.domain.WaitingFigures;
import io.scrapline.alert.repository.AudienceRepository;
import io.scrapline.alert.repository.ParkedExceptionRepository;
import io.scrapline.alert.repository.ReferenceNoticeRepository;
import io.scrapline.alert.repository.ReferenceNoticeRepository.Claimed;
import io.scrapline.alert.repository.ReferenceNoticeSettingsRepository;
import io.scrapline.platform.job.Workers;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Sends notices of unmapped source values and digests, on every replica: claims a notice (FOR UPDATE SKIP LOCKED, under
 * a lease), reads what waits now and the audience's members, and emails each member not served yet, recording the
 * outcome of each before the next. The claim is renewed before each member, and a worker whose claim was taken over
 * stops there. A member the SMTP server did not take fails the notice, which is retried after its back-off with only
 * the members not reached. What a notice says is read when it is sent, so it counts the events parked until then.
 */
@ApplicationScoped
public class ReferenceNoticeSender {

    private final TenantDb db;
    private final ReferenceNoticeRepository notices;
    private final ReferenceNoticeSettingsRepository settings;
    private final ParkedExceptionRepository parked;
    private final AudienceRepository audiences;
    private final EmailSender email;
    private final NoticeLinks links;
    private final ReferenceNoticeConfig config;
    /** This replica in the notices' claimed_by: the pod name in Kubernetes, made unique per start. */
    private final String worker = Workers.id("alert");

    public ReferenceNoticeSender(TenantDb db, ReferenceNoticeRepository notices,
            ReferenceNoticeSettingsRepository settings, ParkedExceptionRepository parked, AudienceRepository audiences,
            EmailSender email, NoticeLinks links, ReferenceNoticeConfig config) {
        this.db = db;
        this.notices = notices;
        this.settings = settings;
        this.parked = parked;
        this.audiences = audiences;
        this.email = email;
        this.links = links;
        this.config = config;
    }

    public String worker() {
        return worker;
    }

    /** A member with an email address; one limited to lines gets no notice (it names every line's exceptions). */
    private record Reader(String address, String name, boolean limited) {
    }

    /**
     * What a claimed notice sends, read in one transaction: the email (addressed to nobody yet) and the readers not
     * served yet; none when nothing is sent.
     */
    private record Work(Email email, List<Reader> readers) {

        static final Work NOTHING = new Work(null, List.of());
    }

    /** Claims and sends the tenant's claimable notices until none is left; how many this worker took. */
    public Uni<Integer> drain(String tenant, String worker) {
        return db.inTenant(tenant, connection -> notices.claim(connection, worker, config.lease()))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : send(tenant, claimed.get()).chain(() -> drain(tenant, worker)).map(more -> more + 1));
    }

    private Uni<Void> send(String tenant, Claimed claimed) {
        return db.inTenant(tenant, connection -> work(connection, claimed.notice()))
                .chain(work -> deliver(tenant, claimed, work, 0, new ArrayList<>())).onFailure()
                .recoverWithUni(failure -> {
                    Log.warnf(failure, "notice %d of tenant %s failed", claimed.notice().id(), tenant);
                    String error = failure.getMessage() == null ? failure.getClass().getSimpleName()
                            : failure.getMessage();
                    return db
                            .inTenant(tenant, connection -> notices.fail(connection, claimed.claim(), error,
                                    config.attempts(), config.retry().backoff()))
                            .replaceWithVoid().onFailure().recoverWithNull();
                });
    }

    /**
     * Reads what the notice says now and records it on the notice; no reader when notices (or the digest) are off, or
     * when nothing waits any more (the value was mapped, no exception is open), and the note says so.
     */
    private Uni<Work> work(SqlConnection connection, ReferenceNotice notice) {
        return settings.find(connection).chain(found -> {
            Optional<ReferenceNoticeSettings> on = found.filter(s -> s.enabled() && (!notice.digest() || s.digest()));
            if (on.isEmpty()) {
                return nothing(connection, notice,
                        notice.digest() ? "the digest is off: nothing sent" : "notices are off: nothing sent");
            }
            Uni<Optional<Email>> content = notice.digest() ? digest(connection, notice) : value(connection, notice);
            return content.chain(template -> template.isEmpty()
                    ? nothing(connection, notice,
                            notice.digest() ? "no exception is open: nothing sent"
                                    : "no event waits on it any more: nothing sent")
                    : readers(connection, on.get().audience()).chain(
                            readers -> notices.served(connection, notice.id()).map(served -> new Work(template.get(),
                                    readers.stream().filter(reader -> !served.contains(reader.address())).toList()))));
        });
    }

    /** The email of a value's notice, the same for every reader; none when nothing waits on the value any more. */
    private Uni<Optional<Email>> value(SqlConnection connection, ReferenceNotice notice) {
        return parked.waiting(connection, notice.value()).chain(waiting -> {
            if (waiting.none()) {
                return Uni.createFrom().item(Optional.empty());
            }
            List<WaitingFigures> figures = waiting.figures();
            return notices
                    .said(connection, notice.id(), figures.stream().map(WaitingFigures::plant).toList(),
                            WaitingFigures.events(figures), WaitingFigures.quantity(figures), null)
                    .replaceWith(
                            Optional.of(UnmappedValueEmail.of(notice.value(), figures, waiting.firstParked(), links)));
        });
    }

    /** The digest's email, the same for every reader; none when no exception is open. */
    private Uni<Optional<Email>> digest(SqlConnection connection, ReferenceNotice notice) {
        return parked.digest(connection).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(Optional.empty());
            }
            List<WaitingFigures> figures = rows.stream().map(DigestRow::figures).toList();
            return notices
                    .said(connection, notice.id(), figures.stream().map(WaitingFigures::plant).distinct().toList(),
                            WaitingFigures.events(figures), WaitingFigures.quantity(figures), null)
                    .replaceWith(Optional.of(
                            ExceptionDigestEmail.of(notice.digestDate(), rows, config.digestLinesPerPlant(), links)));
        });
    }

    private Uni<Work> nothing(SqlConnection connection, ReferenceNotice notice, String note) {
        return notices.said(connection, notice.id(), List.of(), null, null, note).replaceWith(Work.NOTHING);
    }

    /** The audience's members with an email address, one per address (the first member of it). */
    private Uni<List<Reader>> readers(SqlConnection connection, String audience) {
        return audiences.members(connection, List.of(audience)).map(found -> {
            Map<String, Reader> byAddress = new LinkedHashMap<>();
            for (Member member : found.getOrDefault(audience, List.of())) {
                if (member.email() != null && !member.email().isBlank()) {
                    byAddress.putIfAbsent(member.email(),
                            new Reader(member.email(), member.name(), !member.lines().isEmpty()));
                }
            }
            return List.copyOf(byAddress.values());
        });
    }

    /** Sends to the readers from {@code next} on, one after the other, as long as the notice is still this worker's. */
    private Uni<Void> deliver(String tenant, Claimed claimed, Work work, int next, List<RecipientOutcome> outcomes) {
        if (next == work.readers().size()) {
            return finish(tenant, claimed, outcomes);
        }
        Reader reader = work.readers().get(next);
        return db.inTenant(tenant, connection -> notices.extend(connection, claimed.claim(), config.lease()))
                .chain(held -> {
                    if (!held) {
                        Log.infof("notice %d was taken over by another worker", claimed.notice().id());
                        return Uni.createFrom().voidItem();
                    }
                    return outcome(work, reader)
                            .call(outcome -> db.inTenant(tenant, connection -> notices.record(connection,
                                    claimed.notice().id(), reader.address(), reader.name(), outcome)))
                            .chain(outcome -> {
                                outcomes.add(outcome);
                                return deliver(tenant, claimed, work, next + 1, outcomes);
                            });
                });
    }

    private Uni<RecipientOutcome> outcome(Work work, Reader reader) {
        if (reader.limited()) {
            return Uni.createFrom().item(RecipientOutcome.skipped(
                    "a member limited to lines gets no notice of unmapped values: it names every line's exceptions"));
        }
        Email template = work.email();
        return email.send(new Email(List.of(reader.address()), template.subject(), template.text(), template.html(),
                List.of(), null)).map(RecipientOutcome::of);
    }

    /** Completes the notice, or fails it for a retry while some reader was not reached. */
    private Uni<Void> finish(String tenant, Claimed claimed, List<RecipientOutcome> outcomes) {
        List<RecipientOutcome> retry = outcomes.stream().filter(RecipientOutcome::retryable).toList();
        if (retry.isEmpty()) {
            return db.inTenant(tenant, connection -> notices.complete(connection, claimed.claim())).replaceWithVoid();
        }
        String error = retry.size() + " of " + outcomes.size() + " recipients not reached; the first: "
                + retry.get(0).summary();
        return db.inTenant(tenant, connection -> notices.fail(connection, claimed.claim(), error, config.attempts(),
                config.retry().backoff())).replaceWithVoid();
    }
}

package io.scrapline.alert.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.alert.domain.ReferenceNoticeRecord;
import io.scrapline.alert.domain.ReferenceNoticeSettings;

/** Response bodies of the notices of unmapped source values. */
@RegisterForReflection(targets = { ReferenceNoticeResponses.Settings.class, ReferenceNoticeResponses.Notice.class,
        ReferenceNoticeResponses.Delivery.class })
public final class ReferenceNoticeResponses {

    private ReferenceNoticeResponses() {
    }

    /** The settings as stored: {@code send_at} and {@code time_zone} are null without a daily digest. */
    public record Settings(String audience, boolean enabled, String digest, String sendAt, String timeZone,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, String updatedBy) {

        static Settings of(ReferenceNoticeSettings s) {
            return new Settings(s.audience(), s.enabled(),
                    s.digest() ? ReferenceNoticeSettings.DAILY : ReferenceNoticeSettings.OFF,
                    s.digestAt() == null ? null : s.digestAt().toString(),
                    s.timeZone() == null ? null : s.timeZone().getId(), s.createdAt(), s.updatedAt(), s.updatedBy());
        }
    }

    /**
     * A notice: of an unmapped value ({@code kind} {@code unmapped_value}: {@code reason}, {@code source},
     * {@code value}) or the digest of a day ({@code digest}: {@code digest_date}); what its latest attempt said
     * ({@code plants}, {@code events}, {@code quantity}, or a {@code note} of why it sent nothing), its status
     * ({@code queued}, {@code running}, {@code done}, {@code failed}) after {@code attempts}, when no event of its
     * value was parked any more ({@code resolved_at}), and each recipient's delivery.
     */
    public record Notice(long id, String kind, String reason, String source, String value, LocalDate digestDate,
            List<String> plants, Long events, BigDecimal quantity, String note, String status, int attempts,
            String lastError, OffsetDateTime dueAt, OffsetDateTime createdAt, OffsetDateTime finishedAt,
            OffsetDateTime resolvedAt, List<Delivery> deliveries) {

        static Notice of(ReferenceNoticeRecord n) {
            return new Notice(n.id(), n.kind(), n.reason(), n.source(), n.value(), n.digestDate(), n.plants(),
                    n.events(), n.quantity(), n.note(), n.status(), n.attempts(), n.lastError(), n.dueAt(),
                    n.createdAt(), n.finishedAt(), n.resolvedAt(), n.deliveries().stream().map(Delivery::of).toList());
        }
    }

    /**
     * The latest attempt at one recipient: {@code delivered}, {@code failed_retryable}, {@code failed_permanent} or
     * {@code skipped} (a member limited to lines), with the SMTP server's answer ({@code status_code} of a refusal,
     * {@code message_id} of the accepted email, {@code summary}).
     */
    public record Delivery(String recipient, String name, String status, int attempts, Integer statusCode,
            String messageId, String summary, String errorClass, OffsetDateTime firstAttemptAt,
            OffsetDateTime lastAttemptAt) {

        static Delivery of(ReferenceNoticeRecord.Delivery d) {
            return new Delivery(d.recipient(), d.name(), d.status(), d.attempts(), d.statusCode(),
                    d.providerMessageId(), d.summary(), d.errorClass(), d.firstAttemptAt(), d.lastAttemptAt());
        }
    }
}

package io.scrapline.alert.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.Digest;
import io.scrapline.alert.domain.Email;
import io.scrapline.alert.domain.Notice;
import io.scrapline.alert.domain.NoticeLinks;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends an email through the configured SMTP server (the operator's, so no egress check): a plain-text and an HTML
 * part, and any attachment. The message gets its own {@code Message-ID}, which is the result's provider message id. An
 * SMTP 5xx reply is permanent, a 4xx reply or a lost connection worth a retry. One email per recipient is the intended
 * use: a server that refuses one recipient fails the whole message.
 */
@ApplicationScoped
public class EmailSender {

    /** Enough to tell an address from a typo; the SMTP server judges the rest. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+");
    private static final int SUMMARY_MAX = 200;

    private final ReactiveMailer mailer;
    private final AlertConfig.Email config;
    private final NoticeLinks links;
    private final String messageIdDomain;

    public EmailSender(ReactiveMailer mailer, AlertConfig config, NoticeLinks links,
            @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        this.mailer = mailer;
        this.config = config.email();
        this.links = links;
        String sender = from.orElse("");
        this.messageIdDomain = sender.matches(".*@[A-Za-z0-9.-]+>?") ? sender.replaceAll(".*@|>$", "")
                : "scrapline.local";
    }

    /** The alert to {@code to}, plain text and HTML. */
    public Uni<DeliveryResult> send(List<String> to, Notice notice) {
        return send(Email.of(to, notice, links));
    }

    public Uni<DeliveryResult> send(List<String> to, Digest digest) {
        return send(Email.of(to, digest, links));
    }

    public Uni<DeliveryResult> send(Email email) {
        if (email.to().isEmpty() || !email.to().stream().allMatch(to -> ADDRESS.matcher(to).matches())) {
            return Uni.createFrom().item(DeliveryResult.permanent(ErrorClass.INVALID_DESTINATION, null,
                    "no recipient, or one that is no email address"));
        }
        String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
        Mail mail = new Mail().setTo(email.to()).setSubject(email.subject()).setText(email.textPart())
                .setHtml(email.htmlPart()).addHeader("Message-ID", messageId);
        email.attachments().forEach(file -> mail.addAttachment(file.name(), file.content(), file.contentType()));
        return mailer.send(mail).ifNoItem().after(config.timeout())
                .failWith(() -> new TimeoutException("the SMTP server did not answer in time"))
                .replaceWith(() -> DeliveryResult.delivered(null, messageId, "accepted by the SMTP server")).onFailure()
                .recoverWithItem(EmailSender::failed).invoke(result -> {
                    if (!result.isDelivered()) {
                        Log.warnf("email %s was not sent: %s", messageId, result.summary());
                    }
                });
    }

    static DeliveryResult failed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                String reply = smtp.getReplyMessage() == null ? ""
                        : ": " + smtp.getReplyMessage().replaceAll("\\s+", " ").strip();
                String summary = "SMTP " + smtp.getReplyCode() + reply;
                if (summary.length() > SUMMARY_MAX) {
                    summary = summary.substring(0, SUMMARY_MAX - 3) + "...";
                }
                return smtp.isPermanent()
                        ? DeliveryResult.permanent(ErrorClass.SMTP_REPLY, smtp.getReplyCode(), summary)
                        : DeliveryResult.retryable(ErrorClass.SMTP_REPLY, smtp.getReplyCode(), summary, null);
            }
        }
        return ChannelHttp.failed(failure);
    }
}

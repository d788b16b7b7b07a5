package io.scrapline.alert.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.scrapline.alert.domain.AlertEmail;
import io.scrapline.alert.domain.OpenedAlert;
import io.scrapline.alert.repository.AlertLogRepository;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Delivers an alert as one plain email to its recipients, at once, and logs the outcome on the alert (sent, or failed
 * with the error); the sweep sends a failed alert again, up to {@link #MAX_ATTEMPTS} attempts.
 */
@ApplicationScoped
public class EmailDispatch implements AlertDispatch {

    /** Sending attempts before an alert is left failed for a person to look at. */
    static final int MAX_ATTEMPTS = 5;

    private final TenantDb db;
    private final AlertLogRepository log;
    private final ReactiveMailer mailer;

    public EmailDispatch(TenantDb db, AlertLogRepository log, ReactiveMailer mailer) {
        this.db = db;
        this.log = log;
        this.mailer = mailer;
    }

    @Override
    public Uni<Void> opened(SqlConnection transaction, OpenedAlert alert) {
        return send(alert.alertId(), alert.email(), alert.recipients())
                .chain(error -> error == null ? log.markSent(transaction, alert.alertId())
                        : log.markFailed(transaction, alert.alertId(), error));
    }

    /** Sends the alerts whose sending failed, or never finished, again. */
    public Uni<Void> retryUnsent(String tenant) {
        return db.inTenant(tenant, connection -> log.unsent(connection, MAX_ATTEMPTS)).onItem()
                .transformToMulti(pending -> Multi.createFrom().iterable(pending)).onItem()
                .transformToUniAndConcatenate(
                        alert -> send(alert.id(), alert.email(), alert.recipients()).chain(error -> db.inTenant(tenant,
                                connection -> error == null ? log.markSent(connection, alert.id())
                                        : log.markFailed(connection, alert.id(), error))))
                .collect().last().replaceWithVoid();
    }

    /** Sends the email; null when the SMTP server took it, else the error. */
    private Uni<String> send(long alertId, AlertEmail email, List<String> recipients) {
        if (recipients.isEmpty()) {
            return Uni.createFrom().item("no recipient");
        }
        Mail mail = Mail.withText(recipients.get(0), email.subject(), email.body());
        mail.setTo(recipients);
        return mailer.send(mail).replaceWith((String) null).onFailure().recoverWithItem(failure -> {
            Log.warnf("alert %d was not sent: %s", alertId, failure.getMessage());
            return String.valueOf(failure.getMessage());
        });
    }
}

package io.scrapline.alert.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.DeliveryResult.Status;
import io.vertx.ext.mail.SMTPException;

/**
 * How a failed send is classified (GreenMail accepts every message, so its refusals are built here): an SMTP 5xx reply
 * is permanent, a 4xx reply and a server that cannot be reached worth a retry.
 */
class EmailFailuresTest {

    @Test
    void aPermanentSmtpReplyIsPermanentAndNamesTheReply() {
        DeliveryResult result = EmailSender.failed(new RuntimeException(
                new SMTPException("550 5.1.1 mailbox unavailable", 550, List.of("5.1.1 mailbox unavailable"), true)));
        assertThat(result.status()).isEqualTo(Status.FAILED_PERMANENT);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.SMTP_REPLY);
        assertThat(result.statusCode()).isEqualTo(550);
        assertThat(result.summary()).isEqualTo("SMTP 550: 5.1.1 mailbox unavailable");
    }

    @Test
    void aTransientSmtpReplyIsRetryable() {
        DeliveryResult result = EmailSender
                .failed(new SMTPException("451 try later", 451, List.of("4.3.0 try again later"), false));
        assertThat(result.status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(result.statusCode()).isEqualTo(451);
    }

    @Test
    void aServerThatCannotBeReachedIsRetryable() {
        assertThat(EmailSender.failed(new ConnectException("Connection refused")).errorClass())
                .isEqualTo(ErrorClass.CONNECTION_REFUSED);
        DeliveryResult timeout = EmailSender.failed(new TimeoutException("the SMTP server did not answer in time"));
        assertThat(timeout.status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(timeout.errorClass()).isEqualTo(ErrorClass.TIMED_OUT);
    }
}

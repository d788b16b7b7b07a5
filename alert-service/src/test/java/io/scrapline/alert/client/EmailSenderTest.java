package io.scrapline.alert.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.Email;
import io.scrapline.alert.domain.Notices;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/** Emails through a real SMTP server (GreenMail): the MIME parts, the links, the escaping and the attachment. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class EmailSenderTest {

    @ChannelServers.Smtp
    GreenMail smtp;

    @Inject
    EmailSender sender;

    @Test
    void anAlertArrivesAsPlainTextAndHtmlWithTheNcrIdsAndLinksAndTheTenantsTextEscaped() throws Exception {
        String to = recipient();
        DeliveryResult result = sender.send(List.of(to), Notices.shiftCost(Notices.HOSTILE_CODE)).await()
                .indefinitely();

        assertThat(result.isDelivered()).isTrue();
        assertThat(result.summary()).isEqualTo("accepted by the SMTP server");
        MimeMessage message = received(to);
        assertThat(result.providerMessageId()).isEqualTo(message.getMessageID());
        assertThat(message.getSubject()).startsWith("[Scrapline] CRITICAL DAY1 / L2 / WC-40 ");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        String text = content(parts.getBodyPart(0), "text/plain");
        String html = content(parts.getBodyPart(1), "text/html");
        for (String part : List.of(text, html)) {
            assertThat(part).contains("NCR-1042").contains("NCR-1043")
                    .contains(Notices.BASE_URL + "/api/v1/costed-events/881")
                    .contains(Notices.BASE_URL + "/api/v1/alerts/1234/acknowledge");
        }
        assertThat(text).contains(Notices.HOSTILE_CODE)
                .contains(Notices.BASE_URL + "/api/v1/costed-events?plant=DAY1&ncr=NCR-1042");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;")
                .contains(Notices.BASE_URL + "/api/v1/costed-events?plant=DAY1&amp;ncr=NCR-1042");
    }

    @Test
    void aReportCanBeAttachedOrLinked() throws Exception {
        String to = recipient();
        byte[] report = "section,plant,total_cost\ntotals,DAY1,4215.50\n".getBytes(StandardCharsets.UTF_8);
        Email email = Email.of(List.of(to), Notices.hourDigest(), Notices.LINKS)
                .withAttachment(new Email.Attachment("DAY1-2026-05.csv", report, "text/csv"))
                .withReportLink(Notices.BASE_URL + "/api/v1/reports/DAY1/2026-05");

        assertThat(sender.send(email).await().indefinitely().isDelivered()).isTrue();

        MimeMessage message = received(to);
        assertThat(message.getSubject())
                .isEqualTo("[Scrapline] 2 alerts (1 critical), 2026-05-14 15:00 to 16:00 (America/New_York)");
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        List<BodyPart> leaves = MimeParts.leaves(message);
        BodyPart attachment = leaves.stream().filter(part -> "DAY1-2026-05.csv".equals(fileName(part))).findFirst()
                .orElseThrow();
        assertThat(Part.ATTACHMENT).isEqualToIgnoringCase(attachment.getDisposition());
        assertThat(attachment.getContentType()).startsWith("text/csv");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(report);
        String text = content(leaves.stream().filter(part -> isType(part, "text/plain")).findFirst().orElseThrow(),
                "text/plain");
        String html = content(leaves.stream().filter(part -> isType(part, "text/html")).findFirst().orElseThrow(),
                "text/html");
        assertThat(text).contains("Report: " + Notices.BASE_URL + "/api/v1/reports/DAY1/2026-05").contains("WELD");
        assertThat(html).contains("<a href=\"" + Notices.BASE_URL + "/api/v1/reports/DAY1/2026-05\">").contains("WELD");
    }

    @Test
    void aRecipientThatIsNoAddressIsAPermanentFailureWithoutTalkingToTheServer() {
        DeliveryResult result = sender.send(List.of("dana.ortiz"), Notices.shiftCost()).await().indefinitely();
        assertThat(result.status()).isEqualTo(DeliveryResult.Status.FAILED_PERMANENT);
        assertThat(result.errorClass()).isEqualTo(DeliveryResult.ErrorClass.INVALID_DESTINATION);
    }

    private static String recipient() {
        return "quality-" + UUID.randomUUID() + "@example.com";
    }

    private MimeMessage received(String to) throws MessagingException {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(to)) {
                return message;
            }
        }
        throw new AssertionError("no message to " + to);
    }

    private static boolean isType(BodyPart part, String type) {
        try {
            return part.isMimeType(type) && part.getFileName() == null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fileName(BodyPart part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(BodyPart part, String type) throws MessagingException, IOException {
        assertThat(part.isMimeType(type)).as("a %s part", type).isTrue();
        return part.getContent().toString();
    }
}

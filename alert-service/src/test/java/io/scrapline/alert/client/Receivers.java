package io.scrapline.alert.client;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;

/** What the test servers received: the emails to an address, and whether a webhook's signature verifies. */
public final class Receivers {

    private Receivers() {
    }

    public static List<MimeMessage> to(GreenMail smtp, String address) {
        return smtp.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole text of a message, parts included. */
    public static String text(MimeMessage message) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the request carries a Standard Webhooks signature of its body that {@code secret} verifies. */
    public static boolean verifies(String secret, LoggedRequest request) {
        return SignatureVerifier.verify(secret, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), request.getBodyAsString());
    }
}

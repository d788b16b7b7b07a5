package io.scrapline.alert.domain;

import java.util.List;
import java.util.Objects;

/**
 * A member of an audience as stored: the channels that reach them (an email address, an E.164 phone number for SMS, a
 * webhook endpoint with its format and its signing secret, sealed), quiet hours, whether their warnings come as an
 * hourly digest, and the lines they are limited to. Any channel may be absent; a stored member has at least one.
 *
 * @param webhookSecret
 *            the webhook's {@code whsec_} secret as stored (sealed by the platform's SecretBox), or null
 * @param quietHours
 *            null for none
 * @param lines
 *            empty for every line
 */
public record Member(String name, String role, String email, String phone, String webhookUrl,
        WebhookFormat webhookFormat, String webhookSecret, QuietHours quietHours, boolean hourlyDigest,
        List<String> lines) {

    public Member {
        lines = lines == null ? List.of() : List.copyOf(lines);
        if (webhookUrl != null) {
            Objects.requireNonNull(webhookFormat, "webhookFormat");
        }
    }

    /** Whether the member hears of an alert about {@code line}: a member limited to lines hears of theirs only. */
    public boolean follows(String line) {
        return line == null || lines.isEmpty() || lines.contains(line);
    }

    @Override
    public String toString() {
        return "Member[" + name + ", " + role + "]";
    }
}

package io.scrapline.alert.domain;

import java.util.List;

/** What a tenant writes to be alerted: threshold rules and the audiences they notify. */
public final class AlertInputs {

    private AlertInputs() {
    }

    /**
     * A member of an audience as written; {@code lines} limits the member to some lines of the plant. See
     * {@link MemberRules} for what each field takes.
     */
    public record Member(String name, String role, String email, String phone, String webhookUrl, String webhookFormat,
            Quiet quietHours, String digest, List<String> lines) {
    }

    /** Quiet hours as written: an IANA time zone and local times {@code HH:MM}. */
    public record Quiet(String timeZone, String start, String end) {
    }

    public record Audience(List<Member> members) {
    }
}

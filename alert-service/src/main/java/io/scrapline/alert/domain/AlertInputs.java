package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.util.List;

/** What a tenant writes to be alerted: threshold rules and the audiences they notify. */
public final class AlertInputs {

    private AlertInputs() {
    }

    /** A threshold on the cost of one defect code in a plant's open period; {@code enabled} null means enabled. */
    public record Rule(String plant, String defectCode, String metric, String window, BigDecimal threshold,
            String audience, Boolean enabled) {
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

package io.scrapline.alert.domain;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.scrapline.platform.problem.FieldError;

/**
 * What an audience member may say, beyond the shape of the request: at least one channel; a phone number that is E.164
 * once spaces, dots, dashes and brackets are left out; a webhook format only with a webhook; quiet hours in a time zone
 * that exists, between two different local times; a digest {@code hourly} or {@code off}.
 */
public final class MemberRules {

    /** E.164: a plus, then up to 15 digits, the first not 0. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern LOCAL_TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private MemberRules() {
    }

    /** Every error of every member, each naming the member's row (from 1) and the field. */
    public static List<FieldError> errors(List<AlertInputs.Member> members) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            AlertInputs.Member member = members.get(i);
            int row = i + 1;
            if (blank(member.email()) && blank(member.phone()) && blank(member.webhookUrl())) {
                errors.add(new FieldError(row, "email", "a member needs an email, a phone or a webhook_url"));
            }
            if (!blank(member.phone()) && phone(member.phone()) == null) {
                errors.add(new FieldError(row, "phone", "must be an E.164 number such as +19375550100"));
            }
            if (member.webhookFormat() != null && blank(member.webhookUrl())) {
                errors.add(new FieldError(row, "webhook_format", "is given only with a webhook_url"));
            }
            AlertInputs.Quiet quiet = member.quietHours();
            if (quiet != null) {
                if (zone(quiet.timeZone()) == null) {
                    errors.add(new FieldError(row, "quiet_hours.time_zone",
                            "must be an IANA time zone such as " + "America/Chicago"));
                }
                LocalTime start = time(quiet.start());
                LocalTime end = time(quiet.end());
                if (start == null) {
                    errors.add(new FieldError(row, "quiet_hours.start", "must be a local time HH:MM"));
                }
                if (end == null) {
                    errors.add(new FieldError(row, "quiet_hours.end", "must be a local time HH:MM"));
                } else if (end.equals(start)) {
                    errors.add(new FieldError(row, "quiet_hours.end", "must differ from the start"));
                }
            }
        }
        return errors;
    }

    /** The member to store: the phone in E.164, the format and quiet hours read; the webhook secret as sealed. */
    public static Member member(AlertInputs.Member input, String sealedWebhookSecret) {
        AlertInputs.Quiet quiet = input.quietHours();
        return new Member(input.name(), input.role(), blank(input.email()) ? null : input.email().strip(),
                blank(input.phone()) ? null : phone(input.phone()),
                blank(input.webhookUrl()) ? null : input.webhookUrl().strip(),
                blank(input.webhookUrl()) ? null
                        : input.webhookFormat() == null ? WebhookFormat.GENERIC
                                : WebhookFormat.of(input.webhookFormat()),
                blank(input.webhookUrl()) ? null : sealedWebhookSecret,
                quiet == null ? null : new QuietHours(zone(quiet.timeZone()), time(quiet.start()), time(quiet.end())),
                "hourly".equals(input.digest()), input.lines());
    }

    /** The number in E.164, or null when it is none. */
    public static String phone(String written) {
        String digits = written.replaceAll("[\\s().-]", "");
        return E164.matcher(digits).matches() ? digits : null;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || !id.contains("/") && !id.equals("UTC") ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime time(String text) {
        try {
            return text == null || !LOCAL_TIME.matcher(text).matches() ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

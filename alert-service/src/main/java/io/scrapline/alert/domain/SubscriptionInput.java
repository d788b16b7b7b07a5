package io.scrapline.alert.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.scrapline.platform.problem.FieldError;

/**
 * A subscription as written: each field checked on its own by the request's constraints, and together by
 * {@link #errors()}. {@code sendAt} is {@code HH:MM}, {@code weekday} a day's English name; either may be left out.
 */
public record SubscriptionInput(String audience, String plant, String cadence, List<String> formats, String sendAt,
        String weekday, Boolean enabled) {

    private static final List<String> FORMATS = List.of(Subscription.PDF, Subscription.XLSX, Subscription.HTML_LINK);

    /** What the fields say together that none says alone: every such error, named by field. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String format : formats) {
            if (format == null || !FORMATS.contains(format)) {
                errors.add(new FieldError(null, "formats", "each must be pdf, xlsx or html_link"));
            } else if (!seen.add(format)) {
                errors.add(new FieldError(null, "formats", "names " + format + " twice"));
            }
        }
        if (Subscription.MONTH_END.equals(cadence) && sendAt != null) {
            errors.add(new FieldError(null, "send_at",
                    "a month-end distribution goes right after the close: it has no send time"));
        }
        if (!Subscription.WEEKLY.equals(cadence) && weekday != null) {
            errors.add(new FieldError(null, "weekday", "only a weekly distribution has a weekday"));
        }
        return errors;
    }

    /** The local time a daily or weekly report goes out at; null at month-end. */
    public LocalTime sendTime() {
        if (Subscription.MONTH_END.equals(cadence)) {
            return null;
        }
        return sendAt == null ? Subscription.DEFAULT_SEND_AT : LocalTime.parse(sendAt);
    }

    /** The day a weekly report goes out on; null for the other cadences. */
    public DayOfWeek day() {
        if (!Subscription.WEEKLY.equals(cadence)) {
            return null;
        }
        return weekday == null ? Subscription.DEFAULT_WEEKDAY : DayOfWeek.valueOf(weekday.toUpperCase(Locale.ROOT));
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}

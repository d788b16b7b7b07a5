package io.scrapline.alert.domain;

import java.util.Arrays;
import java.util.Optional;

import io.scrapline.alert.domain.Notice.WindowKind;

/**
 * The kinds of window a rule watches, in the plant's time zone: a shift instance (a day and a shift code), a day, the
 * week to date (Monday to Sunday), the period to date (the plant's fiscal calendar, by the period events are booked
 * in), or the last N hours.
 */
public enum RuleWindow {

    SHIFT("shift", "shift", WindowKind.SHIFT, "shifts"), DAY("day", "day", WindowKind.DAY, "days"),
    WEEK_TO_DATE("week_to_date", "week_to_date", WindowKind.WEEK_TO_DATE, "weeks"),
    /** Stored as {@code period}, v1's name of the same window, which reporting reads too. */
    PERIOD_TO_DATE("period_to_date", "period", WindowKind.PERIOD_TO_DATE, "periods"),
    ROLLING_HOURS("rolling_hours", "rolling_hours", WindowKind.ROLLING_HOURS, null);

    /** v1's name of the period to date, still accepted. */
    public static final String V1_PERIOD = "period";

    public static final String ACCEPTED = "shift, day, week_to_date, period_to_date (or period) or rolling_hours";

    private final String code;
    private final String stored;
    private final WindowKind kind;
    private final String plural;

    RuleWindow(String code, String stored, WindowKind kind, String plural) {
        this.code = code;
        this.stored = stored;
        this.kind = kind;
        this.plural = plural;
    }

    /** As written in the API: {@code week_to_date}. */
    public String code() {
        return code;
    }

    /** As stored in {@code alert_rules.time_window}. */
    public String stored() {
        return stored;
    }

    /** The window kind of the alerts it opens. */
    public WindowKind kind() {
        return kind;
    }

    /** The windows in words, for a relative threshold's basis: {@code shifts}, {@code 4-hour windows}. */
    public String plural(Integer hours) {
        return plural != null ? plural : hours + "-hour windows";
    }

    /** The window an API name stands for; {@code period} is the period to date. */
    public static Optional<RuleWindow> ofCode(String code) {
        if (V1_PERIOD.equals(code)) {
            return Optional.of(PERIOD_TO_DATE);
        }
        return Arrays.stream(values()).filter(window -> window.code.equals(code)).findFirst();
    }

    public static RuleWindow ofStored(String stored) {
        return Arrays.stream(values()).filter(window -> window.stored.equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no window " + stored));
    }
}

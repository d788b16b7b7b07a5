package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.alert.domain.Notice.Window;
import io.scrapline.platform.money.Money;

/**
 * Figures, times and windows as people read them in a message; the same text in every channel. Money keeps the
 * currency's minor unit and is grouped by thousands ({@code 4,215.50 USD}); it is never a floating-point number.
 */
public final class Figures {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Figures() {
    }

    /** {@code 4,215.50 USD}: rounded half up to the currency's minor unit for display. */
    public static String money(BigDecimal amount, String currency) {
        return grouped(amount.setScale(Money.minorUnits(currency), RoundingMode.HALF_UP)) + " " + currency;
    }

    /** A quantity without trailing zeros: {@code 1,250}, {@code 2.5}. */
    public static String quantity(BigDecimal quantity) {
        BigDecimal plain = quantity.stripTrailingZeros();
        return grouped(plain.scale() < 0 ? plain.setScale(0) : plain);
    }

    /** A figure of {@code metric}: {@code 4,215.50 USD}, {@code 1,250 units}, {@code 1 event}. */
    public static String measure(Metric metric, BigDecimal value, String currency) {
        return switch (metric) {
            case COST -> money(value, currency);
            case QUANTITY -> quantity(value) + (value.compareTo(BigDecimal.ONE) == 0 ? " unit" : " units");
            case EVENTS -> quantity(value) + (value.compareTo(BigDecimal.ONE) == 0 ? " event" : " events");
        };
    }

    /** {@code 2026-05-14 15:02} in {@code zone}. */
    public static String time(Instant instant, ZoneId zone) {
        return DAY_TIME.format(instant.atZone(zone));
    }

    /**
     * {@code shift B: 2026-05-14 14:00 to 22:00 (America/New_York)}, {@code week to date: 2026-05-11 00:00 to
     * 2026-05-14 15:32 (America/New_York)}.
     */
    public static String window(Window window) {
        ZonedDateTime start = window.start();
        ZonedDateTime end = window.end();
        String to = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end);
        return window.kind().words() + (window.label() == null ? "" : " " + window.label()) + ": "
                + DAY_TIME.format(start) + " to " + to + " (" + start.getZone().getId() + ")";
    }

    /**
     * The decimal with a comma every three digits before the point and exactly its own decimals: DecimalFormat formats
     * a BigDecimal from its digits, not through a double.
     */
    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(value.scale(), 0));
        format.setMaximumFractionDigits(Math.max(value.scale(), 0));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }
}

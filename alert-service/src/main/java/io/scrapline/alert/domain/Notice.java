package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What one alert says, whatever the channel: the rule and level, where (plant, line, work center, shift), what (defect
 * code or category), the figure against the threshold over a window, the top events behind it and the NCRs they name.
 * The renderers ({@link NoticeText}, {@link NoticeHtml}, {@link NoticeSms}, {@link SlackMessage}, {@link TeamsMessage},
 * {@link AlertPayload}) turn it into each channel's message.
 *
 * @param alertId
 *            the id the tenant sees in the API, e.g. to acknowledge the alert
 * @param raisedAt
 *            when the alert fired
 * @param ruleName
 *            a readable name of the rule, or null to show its id
 * @param plantName
 *            the plant's name, or null
 * @param line
 *            null when the rule watches the whole plant; likewise work center, shift, defect code and category
 * @param thresholdBasis
 *            how a relative threshold was found (e.g. "2× the average of the last 20 shifts"), or null for an absolute
 *            one
 * @param currency
 *            the plant's currency (ISO 4217), of a cost figure and of the events' amounts
 * @param ncrs
 *            the NCRs behind the alert; those of the top events are added, so that every message names them
 */
public record Notice(String alertId, Instant raisedAt, Level level, String ruleId, String ruleName, String plant,
        String plantName, String line, String workCenter, String shift, String defectCode, String defectCategory,
        Measure measure, String currency, String thresholdBasis, Window window, List<Event> topEvents,
        List<String> ncrs) {

    public Notice {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(window, "window");
        topEvents = topEvents == null ? List.of() : List.copyOf(topEvents);
        Set<String> all = new LinkedHashSet<>(ncrs == null ? List.of() : ncrs);
        topEvents.stream().map(Event::ncr).filter(Objects::nonNull).forEach(all::add);
        ncrs = List.copyOf(all);
    }

    /** The rule's name, or its id when it has none. */
    public String ruleLabel() {
        return ruleName == null || ruleName.isBlank() ? ruleId : ruleName;
    }

    /** Plant, line and work center as far as the rule narrows them: {@code DAY1 / L2 / WC-40}. */
    public String where() {
        List<String> parts = new ArrayList<>(List.of(plant));
        if (line != null) {
            parts.add(line);
        }
        if (workCenter != null) {
            parts.add(workCenter);
        }
        return String.join(" / ", parts);
    }

    /** The figure in the metric's unit: {@code 4,215.50 USD}, {@code 1,250 units}, {@code 37 events}. */
    public String figureText() {
        return Figures.measure(measure.metric(), measure.figure(), currency);
    }

    public String thresholdText() {
        return Figures.measure(measure.metric(), measure.threshold(), currency);
    }

    /** The defect code, else the category, else null when the rule watches every defect. */
    public String what() {
        return defectCode != null ? defectCode : defectCategory;
    }

    public enum Level {
        WARNING, CRITICAL;

        /** As written in payloads: {@code warning}, {@code critical}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Metric {
        /** Money in the plant's currency. */
        COST,
        /** Units scrapped or reworked. */
        QUANTITY,
        /** Number of defect events. */
        EVENTS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The figure the rule watches and the threshold it crossed, in the metric's unit. */
    public record Measure(Metric metric, BigDecimal figure, BigDecimal threshold) {

        public Measure {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(threshold, "threshold");
        }
    }

    /** The kinds of window a rule watches, in the plant's time zone. */
    public enum WindowKind {
        SHIFT, DAY, WEEK_TO_DATE, PERIOD_TO_DATE, ROLLING_HOURS, PERIOD;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** In words: {@code week to date}. */
        public String words() {
            return code().replace('_', ' ');
        }
    }

    /**
     * The stretch of time the figure covers, in the plant's time zone (start and end carry it); {@code label} names it
     * where a name exists (the shift, the period {@code 2026-05}), else null.
     */
    public record Window(WindowKind kind, ZonedDateTime start, ZonedDateTime end, String label) {

        public Window {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.getZone().equals(start.getZone())) {
                end = end.withZoneSameInstant(start.getZone());
            }
        }

        /** E.g. {@code shift B, 2026-05-14 14:00 to 22:00 (America/New_York)}. */
        public String text() {
            return Figures.window(this);
        }
    }

    /** A costed event behind the alert; {@code amount} is in the notice's currency, {@code ncr} null without one. */
    public record Event(long eventId, Instant occurredAt, String part, String defectCode, BigDecimal quantity,
            BigDecimal amount, String ncr) {
    }
}

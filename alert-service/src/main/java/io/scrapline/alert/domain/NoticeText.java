package io.scrapline.alert.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.scrapline.alert.domain.Notice.Event;

/** An alert, or a digest of alerts, as plain text: the subject line of an email and its text part. */
public final class NoticeText {

    /** A labelled fact of an alert: {@code Line: L2}. */
    record Fact(String label, String value) {
    }

    private NoticeText() {
    }

    /** {@code [Scrapline] CRITICAL DAY1 / L2 MACH-DIM: cost 4,215.50 USD over 2,000.00 USD}. */
    public static String subject(Notice notice) {
        return oneLine("[Scrapline] " + headline(notice));
    }

    public static String subject(Digest digest) {
        return oneLine("[Scrapline] " + digest.headline());
    }

    public static String body(Notice notice, NoticeLinks links) {
        StringBuilder text = new StringBuilder();
        text.append(notice.level().name()).append(" alert ").append(notice.alertId()).append(" of rule ")
                .append(notice.ruleLabel());
        if (!notice.ruleLabel().equals(notice.ruleId())) {
            text.append(" (").append(notice.ruleId()).append(')');
        }
        text.append("\n\n");
        for (Fact fact : facts(notice)) {
            text.append(String.format("%-13s%s", fact.label() + ":", fact.value())).append('\n');
        }
        appendEvents(text, notice, links, "");
        appendNcrs(text, notice, links, "");
        text.append("\nAcknowledge (POST): ").append(links.acknowledge(notice.alertId())).append('\n');
        return text.toString();
    }

    public static String body(Digest digest, NoticeLinks links) {
        StringBuilder text = new StringBuilder(digest.headline()).append('\n');
        int n = 1;
        for (Notice notice : digest.notices()) {
            text.append('\n').append(n++).append(". ").append(headline(notice)).append('\n');
            text.append("   Alert ").append(notice.alertId()).append(", rule ").append(notice.ruleLabel()).append(", ")
                    .append(notice.window().text()).append('\n');
            appendEvents(text, notice, links, "   ");
            appendNcrs(text, notice, links, "   ");
            text.append("   Acknowledge (POST): ").append(links.acknowledge(notice.alertId())).append('\n');
        }
        return text.toString();
    }

    /** {@code CRITICAL DAY1 / L2 MACH-DIM: cost 4,215.50 USD over 2,000.00 USD}. */
    static String headline(Notice notice) {
        return notice.level().name() + " " + notice.where() + (notice.what() == null ? "" : " " + notice.what()) + ": "
                + notice.measure().metric().code() + " " + notice.figureText() + " over " + notice.thresholdText();
    }

    /** The labelled facts of an alert, in the order every format shows them; absent ones are left out. */
    static List<Fact> facts(Notice notice) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Plant",
                notice.plantName() == null ? notice.plant() : notice.plant() + " (" + notice.plantName() + ")"));
        addIfPresent(facts, "Line", notice.line());
        addIfPresent(facts, "Work center", notice.workCenter());
        addIfPresent(facts, "Shift", notice.shift());
        addIfPresent(facts, "Defect code", notice.defectCode());
        addIfPresent(facts, "Category", notice.defectCategory());
        String metric = notice.measure().metric().code();
        facts.add(new Fact(metric.substring(0, 1).toUpperCase(Locale.ROOT) + metric.substring(1),
                notice.figureText() + ", over the threshold of " + notice.thresholdText()
                        + (notice.thresholdBasis() == null ? "" : " (" + notice.thresholdBasis() + ")")));
        facts.add(new Fact("Window", notice.window().text()));
        if (!notice.ncrs().isEmpty()) {
            facts.add(new Fact("NCRs", String.join(", ", notice.ncrs())));
        }
        return facts;
    }

    /** An event in one line: {@code 2026-05-14 15:02, part 100-4471-A, MACH-DIM, qty 3, 655.20 USD, NCR-1042}. */
    static String eventLine(Notice notice, Event event, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        parts.add(Figures.time(event.occurredAt(), zone));
        if (event.part() != null) {
            parts.add("part " + event.part());
        }
        if (event.defectCode() != null) {
            parts.add(event.defectCode());
        }
        if (event.quantity() != null) {
            parts.add("qty " + Figures.quantity(event.quantity()));
        }
        if (event.amount() != null) {
            parts.add(Figures.money(event.amount(), notice.currency()));
        }
        if (event.ncr() != null) {
            parts.add("NCR " + event.ncr());
        }
        return String.join(", ", parts);
    }

    /** Control characters (a line break in a name) would split a header or an SMS: each becomes a space. */
    static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    private static void appendEvents(StringBuilder text, Notice notice, NoticeLinks links, String indent) {
        if (notice.topEvents().isEmpty()) {
            return;
        }
        text.append('\n').append(indent).append("Top events:\n");
        int n = 1;
        for (Event event : notice.topEvents()) {
            text.append(indent).append("  ").append(n++).append(". ")
                    .append(eventLine(notice, event, notice.window().start().getZone())).append('\n');
            text.append(indent).append("     ").append(links.costedEvent(event.eventId())).append('\n');
        }
    }

    private static void appendNcrs(StringBuilder text, Notice notice, NoticeLinks links, String indent) {
        if (notice.ncrs().isEmpty()) {
            return;
        }
        text.append('\n').append(indent).append("NCR records:\n");
        for (String ncr : notice.ncrs()) {
            text.append(indent).append("  ").append(ncr).append("  ").append(links.ncr(notice.plant(), ncr))
                    .append('\n');
        }
    }

    private static void addIfPresent(List<Fact> facts, String label, String value) {
        if (value != null) {
            facts.add(new Fact(label, value));
        }
    }
}

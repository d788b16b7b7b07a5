package io.scrapline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders a report's JSON as text a person reads: the headline for the console, the whole as Markdown. */
final class ReportText {

    private ReportText() {
    }

    static String headline(JsonNode report) {
        JsonNode totals = report.get("totals");
        String currency = report.get("currency").asText();
        StringBuilder out = new StringBuilder();
        out.append(String.format("Scrap and rework cost, plant %s (%s), %s — %s%n", report.get("plant").asText(),
                report.get("plant_name").asText(), report.get("period").asText(), report.get("status").asText()));
        out.append(String.format("  Total cost     %14s %s%n", totals.get("total_cost").asText(), currency));
        out.append(String.format("  Scrap cost     %14s %s  (%s units)%n", totals.get("scrap_cost").asText(), currency,
                totals.get("scrap_quantity").asText()));
        out.append(String.format("  Rework cost    %14s %s%n", totals.get("rework_cost").asText(), currency));
        out.append(
                String.format("  Events costed  %14d, not yet costed: %d (%s units)%n", totals.get("events").asLong(),
                        totals.get("uncosted_events").asLong(), totals.get("uncosted_quantity").asText()));
        out.append("  Top defect codes by cost:\n");
        int shown = 0;
        for (JsonNode entry : report.get("pareto")) {
            if (shown++ == 5) {
                break;
            }
            out.append(String.format("    %d. %-10s %-38s %12s %s  %5.1f %%  cum %5.1f %%%s%n",
                    entry.get("rank").asInt(), entry.get("defect_code").asText(), entry.get("description").asText(),
                    entry.get("cost").asText(), currency, 100 * entry.get("share").asDouble(),
                    100 * entry.get("cumulative_share").asDouble(),
                    entry.get("vital_few").asBoolean() ? "  vital few" : ""));
        }
        return out.toString();
    }

    /**
     * The reconciliation with the general ledger in one line, and a line for each work order that explains a
     * difference.
     */
    static String ledgerLine(JsonNode ledger) {
        String currency = ledger.get("currency").asText();
        JsonNode totals = ledger.get("totals");
        JsonNode differences = ledger.get("differences");
        StringBuilder out = new StringBuilder(String.format(
                "Ledger reconciliation: costed %s %s, posted %s %s, difference %s %s — %s%n",
                totals.get("costed").asText(), currency, totals.get("posted").asText(), currency,
                totals.get("difference").asText(), currency,
                ledger.get("matched").asBoolean() ? "matches the ledger"
                        : differences.size()
                                + (differences.size() == 1 ? " work order explains it" : " work orders explain it")));
        for (JsonNode d : differences) {
            out.append(String.format("  %s on %s: %s, costed %s, posted %s (%s)%n", text(d.get("work_order")),
                    text(d.get("account")), d.get("kind").asText(), text(d.get("costed")), text(d.get("posted")),
                    d.get("documents").isEmpty() ? "no posting" : String.join(" ", texts(d.get("documents")))));
        }
        return out.toString();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "(none)" : value.asText();
    }

    private static List<String> texts(JsonNode values) {
        List<String> found = new ArrayList<>();
        values.forEach(v -> found.add(v.asText()));
        return found;
    }

    static String render(JsonNode report, JsonNode exceptions, MimeMessage[] alerts, JsonNode ledger)
            throws MessagingException {
        String currency = report.get("currency").asText();
        StringBuilder md = new StringBuilder();
        md.append("# Scrap and rework cost — ").append(report.get("plant").asText()).append(' ')
                .append(report.get("period").asText()).append("\n\n```\n").append(headline(report)).append("```\n\n");
        md.append("## Cost by line and work center (").append(currency).append(")\n\n")
                .append("| line | work center | scrap | rework | total | events |\n|---|---|---:|---:|---:|---:|\n");
        for (JsonNode line : report.get("by_line")) {
            md.append(String.format("| %s | %s | %s | %s | %s | %d |%n", line.get("line").asText(),
                    line.get("work_center").asText(), line.get("scrap_cost").asText(), line.get("rework_cost").asText(),
                    line.get("total_cost").asText(), line.get("events").asLong()));
        }
        md.append(
                "\n## Pareto of defect codes\n\n| rank | code | description | cost | share | cumulative | vital few |\n"
                        + "|---:|---|---|---:|---:|---:|---|\n");
        for (JsonNode entry : report.get("pareto")) {
            md.append(String.format("| %d | %s | %s | %s | %s | %s | %s |%n", entry.get("rank").asInt(),
                    entry.get("defect_code").asText(), entry.get("description").asText(), entry.get("cost").asText(),
                    entry.get("share").asText(), entry.get("cumulative_share").asText(),
                    entry.get("vital_few").asBoolean() ? "yes" : ""));
        }
        md.append("\n## Cost of quality\n\n| class | cost |\n|---|---:|\n");
        for (JsonNode coq : report.get("coq")) {
            md.append(String.format("| %s | %s |%n", coq.get("coq_class").asText(), coq.get("cost").asText()));
        }
        md.append("\n## Reconciliation with the general ledger\n\n```\n").append(ledgerLine(ledger)).append("```\n\n")
                .append("| account | costed scrap | costed rework | costed | posted | difference |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (JsonNode account : ledger.get("accounts")) {
            md.append(String.format("| %s | %s | %s | %s | %s | %s |%n", text(account.get("account")),
                    account.get("costed_scrap").asText(), account.get("costed_rework").asText(),
                    account.get("costed").asText(), account.get("posted").asText(),
                    account.get("difference").asText()));
        }
        Map<String, Integer> reasons = new TreeMap<>();
        // A scrap quantity mismatch is a costed work order whose MES and ERP quantities disagree, not an event.
        exceptions.forEach(e -> {
            if (!e.get("reason").asText().equals("scrap_quantity_mismatch")) {
                reasons.merge(e.get("reason").asText(), 1, Integer::sum);
            }
        });
        md.append("\n## Not yet costed\n\n| reason | events |\n|---|---:|\n");
        reasons.forEach((reason, count) -> md.append(String.format("| %s | %d |%n", reason, count)));
        md.append("\n## Alerts sent\n\n");
        Map<String, Integer> recipients = new TreeMap<>();
        for (MimeMessage alert : alerts) {
            recipients.merge(alert.getSubject(), 1, Integer::sum);
        }
        recipients.forEach((subject, count) -> md.append("- ").append(subject).append(" (to ").append(count)
                .append(count == 1 ? " recipient)\n" : " recipients)\n"));
        return md.toString();
    }
}

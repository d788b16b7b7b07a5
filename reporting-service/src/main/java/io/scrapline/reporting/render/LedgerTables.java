package io.scrapline.reporting.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.scrapline.reporting.domain.LedgerReconciliation;
import io.scrapline.reporting.render.ReportTables.Cell;
import io.scrapline.reporting.render.ReportTables.Table;

/**
 * A ledger reconciliation as the report's tables, for the report's renderers (spreadsheet, PDF, HTML), and as CSV with
 * one section per table opened by its header row of the JSON's field names, as the report's CSV has.
 */
public final class LedgerTables {

    /** How a missing account or work order is shown in a table. */
    static final String NONE = "(none)";

    private LedgerTables() {
    }

    public static String heading() {
        return "Reconciliation with the general ledger";
    }

    public static String title(LedgerReconciliation ledger) {
        return "Ledger reconciliation – " + ledger.plant() + " " + ledger.period();
    }

    /** Plant DAY1 · period 2026-10 · USD · 2 differences. */
    public static String subtitle(LedgerReconciliation ledger) {
        int differences = ledger.differences().size();
        return "Plant " + ledger.plant() + " · period " + ledger.period() + " · " + ledger.currency() + " · "
                + (ledger.matched() ? "matches the ledger"
                        : differences + (differences == 1 ? " difference" : " differences"));
    }

    public static List<Table> of(LedgerReconciliation ledger) {
        String currency = " (" + ledger.currency() + ")";
        LedgerReconciliation.LedgerTotals totals = ledger.totals();
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("totals", "Costed against posted", List.of("Figure", "Value"),
                List.of(List.of(Cell.text("Costed" + currency), Cell.money(totals.costed())),
                        List.of(Cell.text("Posted" + currency), Cell.money(totals.posted())),
                        List.of(Cell.text("Difference, posted − costed" + currency), Cell.money(totals.difference())),
                        List.of(Cell.text("Matches the ledger"), Cell.flag(ledger.matched())))));
        tables.add(new Table("accounts", "By account",
                List.of("Account", "Costed scrap" + currency, "Costed rework" + currency, "Costed" + currency,
                        "Posted" + currency, "Difference" + currency, "Matched"),
                ledger.accounts().stream()
                        .map(a -> List.of(Cell.text(orNone(a.account())), Cell.money(a.costedScrap()),
                                Cell.money(a.costedRework()), Cell.money(a.costed()), Cell.money(a.posted()),
                                Cell.money(a.difference()), Cell.flag(a.matched())))
                        .toList()));
        tables.add(new Table("differences", "Differences by work order",
                List.of("Account", "Work order", "Kind", "Costed" + currency, "Posted" + currency,
                        "Difference" + currency, "Events", "Documents", "Currency"),
                ledger.differences().stream()
                        .map(d -> List.of(Cell.text(orNone(d.account())), Cell.text(orNone(d.workOrder())),
                                Cell.text(d.kind()), Cell.money(d.costed()), Cell.money(d.posted()),
                                Cell.money(d.difference()), Cell.count(d.events()),
                                Cell.text(String.join(" ", d.documents())), Cell.text(d.currency())))
                        .toList()));
        return tables;
    }

    public static String csv(LedgerReconciliation ledger) {
        List<List<String>> rows = new ArrayList<>();
        LedgerReconciliation.LedgerTotals totals = ledger.totals();
        rows.add(List.of("section", "plant", "period", "currency", "matched", "costed", "posted", "difference"));
        rows.add(List.of("totals", ledger.plant(), ledger.period(), ledger.currency(),
                Boolean.toString(ledger.matched()), plain(totals.costed()), plain(totals.posted()),
                plain(totals.difference())));
        rows.add(List.of("section", "account", "costed_scrap", "costed_rework", "costed", "posted", "difference",
                "matched"));
        for (LedgerReconciliation.AccountBalance a : ledger.accounts()) {
            rows.add(Arrays.asList("accounts", a.account(), plain(a.costedScrap()), plain(a.costedRework()),
                    plain(a.costed()), plain(a.posted()), plain(a.difference()), Boolean.toString(a.matched())));
        }
        rows.add(List.of("section", "account", "work_order", "kind", "costed", "posted", "difference", "events",
                "documents", "currency"));
        for (LedgerReconciliation.WorkOrderDifference d : ledger.differences()) {
            rows.add(Arrays.asList("differences", d.account(), d.workOrder(), d.kind(), plain(d.costed()),
                    plain(d.posted()), plain(d.difference()), Long.toString(d.events()),
                    String.join(" ", d.documents()), d.currency()));
        }
        return rows.stream().map(row -> row.stream().map(ReportCsv::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}

package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.reporting.domain.ReportBuilder.Sum;

/**
 * Everything a plant-period report is built from, by line: the rollup sums, the events still in open exceptions, the
 * prior period's totals, the budgets and the "vital few" share. A closed period stores these with its report, so a
 * token limited to some lines gets the frozen figures of its lines rather than the live ones.
 */
@RegisterForReflection(targets = { ReportFigures.class, ReportFigures.LineUncosted.class, ReportFigures.LineTotal.class,
        Sum.class, Budgets.Row.class })
public record ReportFigures(List<Sum> sums, List<LineUncosted> uncosted, List<LineTotal> prior,
        List<Budgets.Row> budgets, BigDecimal vitalFewThreshold) {

    public record LineUncosted(String line, long events, BigDecimal quantity) {
    }

    public record LineTotal(String line, BigDecimal total) {
    }

    /** The report of {@code lines} (empty: every line of the plant). */
    public Report report(String plant, String plantName, String period, String currency, String view,
            List<String> lines) {
        Predicate<String> shown = line -> lines.isEmpty() || lines.contains(line);
        List<LineUncosted> waiting = uncosted.stream().filter(u -> shown.test(u.line())).toList();
        return ReportBuilder.build(plant, plantName, period, currency, view,
                sums.stream().filter(s -> shown.test(s.line())).toList(),
                waiting.stream().mapToLong(LineUncosted::events).sum(),
                waiting.stream().map(LineUncosted::quantity).reduce(BigDecimal.ZERO, BigDecimal::add),
                prior.stream().filter(p -> shown.test(p.line())).map(LineTotal::total).reduce(BigDecimal.ZERO,
                        BigDecimal::add),
                vitalFewThreshold, Budgets.budget(budgets, lines).orElse(null));
    }
}

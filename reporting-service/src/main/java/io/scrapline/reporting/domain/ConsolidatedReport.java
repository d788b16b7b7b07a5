package io.scrapline.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.money.Money;

/**
 * All plants of a tenant in its reporting currency (docs/cost-model.md §9); {@code fxKind} is {@code average} or
 * {@code closing}. Each plant amount is converted at the period's rate and rounded once to the reporting currency's
 * minor unit; a plant's converted total is its converted scrap plus its converted rework, and the consolidated totals
 * are sums of the plants' converted amounts, so the plants foot to the totals exactly. (Cost-of-quality classes are
 * converted class by class, so their sum may differ from the total by the rounding of each class.) A plant in the
 * reporting currency needs no rate; any other plant without one is an error, never a rate of 1.
 */
@RegisterForReflection(targets = { ConsolidatedReport.class, ConsolidatedReport.Totals.class,
        ConsolidatedReport.Plant.class, ConsolidatedReport.Excluded.class })
public record ConsolidatedReport(String period, String currency, String fxKind, Totals totals, List<Plant> byPlant,
        List<Report.CoqCost> coq, List<Excluded> excludedPlants) {

    public record Totals(BigDecimal scrapCost, BigDecimal reworkCost, BigDecimal totalCost) {
    }

    /** A plant's figures in its own currency, the rate used, and the converted figures. */
    public record Plant(String plant, String name, String status, int version, String currency, BigDecimal scrapCost,
            BigDecimal reworkCost, BigDecimal totalCost, BigDecimal rate, Totals converted) {
    }

    /** A plant left out, and why. */
    public record Excluded(String plant, String reason) {
    }

    /** The plant currencies without a rate into the reporting currency, named as pairs such as {@code EUR→USD}. */
    public static class MissingRates extends RuntimeException {

        private final List<String> pairs;
        private final String period;
        private final String kind;

        MissingRates(List<String> pairs, String period, String kind) {
            super("no " + kind + " rate for " + String.join(", ", pairs) + " in period " + period
                    + "; consolidation needs one for every plant currency");
            this.pairs = List.copyOf(pairs);
            this.period = period;
            this.kind = kind;
        }

        public List<String> pairs() {
            return pairs;
        }

        public String period() {
            return period;
        }

        public String kind() {
            return kind;
        }
    }

    /**
     * @param reports
     *            each plant's report of the period (its stored version if the period is closed)
     * @param rates
     *            the rate into {@code currency} by the plant currency it converts
     *
     * @throws MissingRates
     *             naming every plant currency without a rate
     */
    public static ConsolidatedReport of(String period, String currency, String fxKind, RoundingMode rounding,
            List<Report> reports, Map<String, BigDecimal> rates, List<Excluded> excluded) {
        TreeSet<String> missing = new TreeSet<>();
        for (Report report : reports) {
            if (!report.currency().equals(currency) && !rates.containsKey(report.currency())) {
                missing.add(report.currency() + "→" + currency);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingRates(List.copyOf(missing), period, fxKind);
        }
        int places = Money.minorUnits(currency);
        BigDecimal scrap = BigDecimal.ZERO.setScale(places);
        BigDecimal rework = scrap;
        List<Plant> plants = new ArrayList<>();
        Map<String, BigDecimal> byCoq = new TreeMap<>();
        for (Report report : reports) {
            BigDecimal rate = report.currency().equals(currency) ? BigDecimal.ONE : rates.get(report.currency());
            BigDecimal plantScrap = report.totals().scrapCost().multiply(rate).setScale(places, rounding);
            BigDecimal plantRework = report.totals().reworkCost().multiply(rate).setScale(places, rounding);
            scrap = scrap.add(plantScrap);
            rework = rework.add(plantRework);
            plants.add(
                    new Plant(report.plant(), report.plantName(), report.status(), report.version(), report.currency(),
                            report.totals().scrapCost(), report.totals().reworkCost(), report.totals().totalCost(),
                            rate, new Totals(plantScrap, plantRework, plantScrap.add(plantRework))));
            for (Report.CoqCost coq : report.coq()) {
                byCoq.merge(coq.coqClass(), coq.cost().multiply(rate).setScale(places, rounding), BigDecimal::add);
            }
        }
        List<Report.CoqCost> coq = byCoq.entrySet().stream().map(e -> new Report.CoqCost(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Report.CoqCost::cost).reversed()).toList();
        return new ConsolidatedReport(period, currency, fxKind, new Totals(scrap, rework, scrap.add(rework)),
                List.copyOf(plants), coq, List.copyOf(excluded));
    }
}

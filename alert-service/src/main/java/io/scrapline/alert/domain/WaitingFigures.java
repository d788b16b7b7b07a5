package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What waits on something costing could not cost, in one plant: how many of its events are parked, their quantity
 * ({@code hours} for rework hours that no defect record covers, else units) and, for those costing could value at
 * standard cost (an event whose part maps but whose defect code does not), the estimate, in the plant's currency.
 *
 * @param estimated
 *            the sum of the estimates, null when no event has one
 * @param estimatedEvents
 *            how many of the events have an estimate
 */
public record WaitingFigures(String plant, String plantName, String currency, long events, BigDecimal quantity,
        BigDecimal estimated, long estimatedEvents, boolean hours) {

    /** {@code DAY1 Dayton}, or the code alone when the plant has no name. */
    public String plantLabel() {
        return plantName == null || plantName.isBlank() ? plant : plant + " " + plantName;
    }

    /**
     * {@code 2 events, 7 units; about 1,529.50 USD at standard cost}, with {@code for 1 of 2 events} when only some
     * have an estimate, and {@code no estimate: why} when none has.
     */
    public String describe(String whyNoEstimate) {
        String text = count(events, "event") + ", " + (hours ? Figures.quantity(quantity) + " hours" : units(quantity));
        if (estimated == null || estimatedEvents == 0) {
            return whyNoEstimate == null ? text : text + " (no estimate: " + whyNoEstimate + ")";
        }
        String about = text + "; about " + Figures.money(estimated, currency) + " at standard cost";
        return estimatedEvents == events ? about : about + " for " + estimatedEvents + " of " + events + " events";
    }

    /** The events of every plant. */
    public static long events(List<WaitingFigures> figures) {
        return figures.stream().mapToLong(WaitingFigures::events).sum();
    }

    /** The quantity of every plant. */
    public static BigDecimal quantity(List<WaitingFigures> figures) {
        return figures.stream().map(WaitingFigures::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@code 7 units}, {@code 1 unit}. */
    public static String units(BigDecimal quantity) {
        return Figures.quantity(quantity) + (quantity.compareTo(BigDecimal.ONE) == 0 ? " unit" : " units");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

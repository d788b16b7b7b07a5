package io.scrapline.costing.domain;

import static io.scrapline.costing.domain.ExplanationFormat.exact;
import static io.scrapline.costing.domain.ExplanationFormat.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.scrapline.platform.money.Money;

/**
 * {@code rework cost = hours × labor rate × (1 + labor burden) + additional material} (docs/cost-model.md §7), rounded
 * once to the currency's minor unit.
 * <p>
 * The labor rate is the most specific one known: the labor record's own, else the work center's in force on the date,
 * else the plant's default in force on the date. With none of them the result is {@link NoLaborRate}, never a zero
 * cost: rework costed at zero would vanish from the cost of quality without anyone noticing.
 */
public final class ReworkValuation {

    /** Where the labor rate came from, most specific first. */
    public enum RateSource {
        LABOR_RECORD, WORK_CENTER, PLANT_DEFAULT
    }

    /**
     * A labor rate per hour from {@code effectiveFrom} until the next one takes over; {@code recordId} is the
     * labor-rate record it came from, or null when it is not known.
     */
    public record Rate(LocalDate effectiveFrom, BigDecimal perHour, Long recordId) {

        public Rate(LocalDate effectiveFrom, BigDecimal perHour) {
            this(effectiveFrom, perHour, null);
        }
    }

    /** One labor record's rework with the rates of its work center, and what names it in the explanation. */
    public record Booking(String label, Rework rework, List<Rate> workCenterRates) {
    }

    /** Several bookings valued together: one amount, rounded once, and each booking's rate and arithmetic. */
    public record ValuedBookings(BigDecimal amount, List<Map<String, Object>> lines, Map<String, Object> explanation)
            implements Result {
    }

    /**
     * The rework booked: hours on a date, the labor record's own rate (or null) and material added for the rework (or
     * null).
     */
    public record Rework(BigDecimal hours, LocalDate date, BigDecimal recordRate, BigDecimal additionalMaterial) {
    }

    /** What valuing rework gives: a cost, or the reason there is none yet. */
    public sealed interface Result {
    }

    /** The cost with the arithmetic that produced it and the rate source named. */
    public record Valued(BigDecimal rate, RateSource rateSource, BigDecimal amount, Map<String, Object> explanation)
            implements Result {
    }

    /** No rate on the record, the work center or the plant on the date: an exception waiting for data. */
    public record NoLaborRate(String reason, String detail) implements Result {

        public static final String REASON = "no_labor_rate";
    }

    private ReworkValuation() {
    }

    /**
     * @param workCenterRates
     *            every version of the work center's rate; the one in force on the date is used
     * @param plantRates
     *            every version of the plant's default rate; the one in force on the date is used
     * @param laborBurden
     *            overhead on rework labor, a fraction, from the cost schema; null counts as 0, the model's default
     */
    public static Result value(Rework rework, List<Rate> workCenterRates, List<Rate> plantRates, BigDecimal laborBurden,
            String currency, RoundingMode rounding) {
        Line line = price(rework, workCenterRates, plantRates, laborBurden);
        if (line == null) {
            return noRate(rework.date());
        }
        BigDecimal amount = Money.round(line.exactCost(), currency, rounding);
        Map<String, Object> explanation = line.explanation();
        explanation.put("rounding", rounding.name().toLowerCase());
        explanation.put("amount", amount.toPlainString());
        explanation.put("arithmetic",
                line.arithmetic() + " = " + exact(line.exactCost()) + " → " + amount.toPlainString() + " " + currency);
        return new Valued(line.rate().perHour(), line.source(), amount, explanation);
    }

    /**
     * Values the rework of several labor records booked against one event: each line's exact cost at its own rate,
     * their sum rounded once (docs/cost-model.md §9), so the event's amount does not depend on how the hours were
     * split.
     *
     * @return {@link ValuedBookings}, or {@link NoLaborRate} naming the first booking without a rate
     */
    public static Result valueAll(List<Booking> bookings, List<Rate> plantRates, BigDecimal laborBurden,
            String currency, RoundingMode rounding) {
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal exactTotal = BigDecimal.ZERO;
        List<String> terms = new ArrayList<>();
        for (Booking booking : bookings) {
            Line line = price(booking.rework(), booking.workCenterRates(), plantRates, laborBurden);
            if (line == null) {
                NoLaborRate none = noRate(booking.rework().date());
                return new NoLaborRate(none.reason(), booking.label() + ": " + none.detail());
            }
            Map<String, Object> explained = new LinkedHashMap<>();
            explained.put("labor_record", booking.label());
            explained.putAll(line.explanation());
            explained.put("arithmetic", line.arithmetic() + " = " + exact(line.exactCost()));
            lines.add(explained);
            exactTotal = exactTotal.add(line.exactCost());
            terms.add(exact(line.exactCost()));
        }
        BigDecimal amount = Money.round(exactTotal, currency, rounding);
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("bookings", lines);
        explanation.put("rounding", rounding.name().toLowerCase());
        explanation.put("amount", amount.toPlainString());
        explanation.put("arithmetic", String.join(" + ", terms) + " = " + exact(exactTotal) + " → "
                + amount.toPlainString() + " " + currency);
        return new ValuedBookings(amount, lines, explanation);
    }

    /** One booking priced exactly, before rounding. */
    private record Line(Rate rate, RateSource source, BigDecimal exactCost, String arithmetic,
            Map<String, Object> explanation) {
    }

    private static NoLaborRate noRate(LocalDate date) {
        return new NoLaborRate(NoLaborRate.REASON, "no labor rate on the labor record, for the work center or "
                + "as the plant's default in force on " + date);
    }

    /** The booking priced at the most specific rate in force, or null when there is none. */
    private static Line price(Rework rework, List<Rate> workCenterRates, List<Rate> plantRates,
            BigDecimal laborBurden) {
        RateSource source;
        Rate rate;
        Optional<Rate> workCenter = inForce(workCenterRates, rework.date());
        Optional<Rate> plant = inForce(plantRates, rework.date());
        if (rework.recordRate() != null) {
            source = RateSource.LABOR_RECORD;
            rate = new Rate(null, rework.recordRate());
        } else if (workCenter.isPresent()) {
            source = RateSource.WORK_CENTER;
            rate = workCenter.get();
        } else if (plant.isPresent()) {
            source = RateSource.PLANT_DEFAULT;
            rate = plant.get();
        } else {
            return null;
        }

        BigDecimal burden = laborBurden == null ? BigDecimal.ZERO : laborBurden;
        BigDecimal material = rework.additionalMaterial() == null ? BigDecimal.ZERO : rework.additionalMaterial();
        BigDecimal labor = rework.hours().multiply(rate.perHour()).multiply(BigDecimal.ONE.add(burden));
        BigDecimal exactCost = labor.add(material);

        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("date", rework.date().toString());
        explanation.put("rate_source", source.name().toLowerCase());
        if (rate.effectiveFrom() != null) {
            explanation.put("rate_effective_from", rate.effectiveFrom().toString());
        }
        if (rate.recordId() != null) {
            explanation.put("rate_record_id", rate.recordId());
        }
        explanation.put("rate", rate.perHour().toPlainString());
        explanation.put("hours", quantity(rework.hours()));
        explanation.put("labor_burden", burden.toPlainString());
        explanation.put("labor", exact(labor));
        explanation.put("additional_material", material.toPlainString());
        String arithmetic = quantity(rework.hours()) + " × " + rate.perHour().toPlainString() + " × (1 + "
                + burden.toPlainString() + ") + " + material.toPlainString();
        return new Line(rate, source, exactCost, arithmetic, explanation);
    }

    /** The rate whose effective-from is the latest on or before {@code date}, if any. */
    static Optional<Rate> inForce(List<Rate> rates, LocalDate date) {
        return rates == null ? Optional.empty()
                : rates.stream().filter(rate -> !rate.effectiveFrom().isAfter(date))
                        .max(Comparator.comparing(Rate::effectiveFrom));
    }
}

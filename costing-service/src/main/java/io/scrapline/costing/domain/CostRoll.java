package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The version of a part's cost roll in force on a date: its operations in routing order (docs/cost-model.md §3). */
public record CostRoll(LocalDate effectiveFrom, List<CostRollLine> lines) {

    private static final Pattern NUMERIC = Pattern.compile("\\d+");

    /**
     * Numeric operations first, in numeric order (shorter is smaller, then digit by digit), then the others in text
     * order. Sorting every event's cost roll, so no regex compiled or string formatted per comparison.
     */
    private static final Comparator<String> ROUTING_ORDER = Comparator
            .<String, Boolean> comparing(op -> !NUMERIC.matcher(op).matches())
            .thenComparing(op -> NUMERIC.matcher(op).matches() ? op.length() : 0)
            .thenComparing(Comparator.naturalOrder());

    /** The version whose effective-from is the latest on or before {@code date}, if any. */
    public static Optional<CostRoll> inForce(List<CostRollLine> allVersions, LocalDate date) {
        return allVersions.stream().map(CostRollLine::effectiveFrom).filter(from -> !from.isAfter(date))
                .max(Comparator.naturalOrder())
                .map(from -> new CostRoll(from, allVersions.stream().filter(line -> line.effectiveFrom().equals(from))
                        .sorted(Comparator.comparing(CostRollLine::operation, ROUTING_ORDER)).toList()));
    }

    public boolean hasOperation(String operation) {
        return lines.stream().anyMatch(line -> line.operation().equals(operation));
    }

    /** The operations up to and including {@code operation}, in routing order. */
    public List<CostRollLine> through(String operation) {
        int end = 0;
        while (end < lines.size() && !lines.get(end).operation().equals(operation)) {
            end++;
        }
        if (end == lines.size()) {
            throw new IllegalArgumentException("operation " + operation + " is not in the cost roll");
        }
        return lines.subList(0, end + 1);
    }

    /** {@code C(k)}: material, labor and overhead of every operation through {@code operation}. */
    public BigDecimal cumulativeThrough(String operation) {
        return through(operation).stream().map(CostRollLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Material staged at every operation through {@code operation}. */
    public BigDecimal materialThrough(String operation) {
        return through(operation).stream().map(CostRollLine::material).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@code C(last)}. */
    public BigDecimal fullStandard() {
        return cumulativeThrough(lines.get(lines.size() - 1).operation());
    }

    /**
     * The unit the roll's values are per: the one its lines name (a line without one follows the others), null when
     * none does (the part's base unit).
     */
    public String uom() {
        return lines.stream().map(CostRollLine::uom).filter(uom -> uom != null && !uom.isBlank()).findFirst()
                .orElse(null);
    }

    public String lastOperation() {
        return lines.get(lines.size() - 1).operation();
    }
}

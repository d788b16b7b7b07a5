package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Brings an event's quantity into the unit its valuation basis is per (docs/cost-model.md §11): the cost roll's unit,
 * or the work order's for scrap valued at the order's own cost. A unit not named on either side is the part's base
 * unit, so nothing is converted; two named units that differ (compared ignoring case) are converted with the part's
 * factor, or, when only the other direction is given, with its inverse. Without either the quantity cannot be valued:
 * it is never valued as if the units matched.
 */
public final class UnitConversion {

    /** The reason of the exception of an event whose unit has no factor to the unit of its valuation basis. */
    public static final String NO_UOM_FACTOR = "no_uom_factor";

    /** The valuation bases, as explanations name them. */
    public static final String COST_ROLL = "cost roll";
    public static final String WORK_ORDER = "work order";

    /** Decimal places of an inverse factor, {@code 1 ÷ factor}, rounded half-up. */
    public static final int INVERSE_SCALE = 12;

    /** A part's factor as given: 1 {@code from} of the part is {@code factor} {@code to}; units upper case. */
    public record Factor(String from, String to, BigDecimal factor) {

        /** As stored on a costed event, to replay the conversion. */
        public Map<String, Object> stored() {
            return Map.of("from", from, "to", to, "factor", factor.toPlainString());
        }

        /** A factor as stored on a costed event, or null. */
        public static Factor ofStored(Map<String, Object> stored) {
            return stored == null ? null
                    : new Factor(stored.get("from").toString(), stored.get("to").toString(),
                            new BigDecimal(stored.get("factor").toString()));
        }
    }

    /**
     * The quantity in {@code basisUom}, the unit of the {@code basis} ({@link #COST_ROLL} or {@link #WORK_ORDER}).
     * {@code given} is the factor used as given (null when nothing was converted), {@code factor} the one applied: the
     * given one, or its inverse.
     */
    public record Converted(BigDecimal quantity, String uom, String basis, String basisUom, BigDecimal original,
            Factor given, BigDecimal factor) {

        public boolean converted() {
            return given != null;
        }

        /** The units and, when converted, the arithmetic; null when neither side names a unit. */
        public Map<String, Object> explanation() {
            if (uom == null && basisUom == null) {
                return null;
            }
            Map<String, Object> explained = new LinkedHashMap<>();
            explained.put("uom", uom);
            explained.put("basis", basis);
            explained.put("basis_uom", basisUom);
            if (!converted()) {
                explained.put("converted",
                        uom == null || basisUom == null ? "no: a unit not named is the part's base unit"
                                : "no: the same unit");
                return explained;
            }
            explained.put("quantity", ExplanationFormat.quantity(original));
            explained.put("factor", ExplanationFormat.quantity(factor));
            boolean inverse = !given.from().equals(normalized(uom));
            explained.put("factor_source",
                    inverse ? "the inverse of the part's factor " + given.from() + " → " + given.to() + " "
                            + given.factor().toPlainString() + ": 1 ÷ " + given.factor().toPlainString() + ", "
                            + INVERSE_SCALE + " decimal places, half-up"
                            : "the part's factor " + given.from() + " → " + given.to());
            explained.put("converted_quantity", ExplanationFormat.exact(quantity));
            explained.put("arithmetic", ExplanationFormat.quantity(original) + " " + uom + " × "
                    + ExplanationFormat.quantity(factor) + " = " + ExplanationFormat.exact(quantity) + " " + basisUom);
            return explained;
        }
    }

    private UnitConversion() {
    }

    /** {@code uom} trimmed and upper case, or null when it names no unit. */
    public static String normalized(String uom) {
        return uom == null || uom.isBlank() ? null : uom.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * {@code quantity} of {@code uom} in {@code basisUom}, the unit of the {@code basis}, with {@code factors} of the
     * part; empty when the units differ and no factor converts one into the other.
     */
    public static Optional<Converted> convert(BigDecimal quantity, String uom, String basis, String basisUom,
            List<Factor> factors) {
        String from = normalized(uom);
        String to = normalized(basisUom);
        if (from == null || to == null || from.equals(to)) {
            return Optional.of(new Converted(quantity, uom, basis, basisUom, quantity, null, null));
        }
        for (Factor factor : factors) {
            if (factor.from().equals(from) && factor.to().equals(to)) {
                return Optional.of(new Converted(quantity.multiply(factor.factor()), uom, basis, basisUom, quantity,
                        factor, factor.factor()));
            }
        }
        for (Factor factor : factors) {
            if (factor.from().equals(to) && factor.to().equals(from)) {
                BigDecimal inverse = new BigDecimal(ExplanationFormat
                        .quantity(BigDecimal.ONE.divide(factor.factor(), INVERSE_SCALE, RoundingMode.HALF_UP)));
                return Optional
                        .of(new Converted(quantity.multiply(inverse), uom, basis, basisUom, quantity, factor, inverse));
            }
        }
        return Optional.empty();
    }

    /** Why an event of {@code uom} waits: the detail of its exception. */
    public static String missing(String part, String uom, String basis, String basisUom) {
        return "no factor converting " + normalized(uom) + " to " + normalized(basisUom) + " for part " + part
                + " (the " + basis + "'s unit); add it with PUT /api/v1/parts/" + part + "/uom-conversions";
    }
}

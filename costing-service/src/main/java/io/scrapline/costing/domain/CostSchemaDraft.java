package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scrapline.platform.input.InputRules;

/**
 * Reads the settings of a new draft as sent: a missing setting takes the model's default, and every bad one is named at
 * once rather than the first only.
 */
public final class CostSchemaDraft {

    /** The settings read; {@code errors} maps each bad field to what is wrong, empty when {@code schema} is usable. */
    public record Read(CostSchema schema, Map<String, String> errors) {
    }

    private static final List<String> CONVENTIONS = List.of("of_input", "of_yield");
    private static final List<String> FX_POLICIES = List.of("average", "closing");

    private CostSchemaDraft() {
    }

    public static Read read(String scrapMethod, String plannedScrapConvention, String rounding, String laborBurden,
            String fxPolicy, String vitalFewThreshold, String defectCatalogVersion, String includeScrapInCompletions) {
        Map<String, String> errors = new LinkedHashMap<>();
        ScrapMethod method = oneOf(ScrapMethod.class, "scrap_method", scrapMethod, ScrapMethod.CUMULATIVE_STANDARD,
                errors);
        String convention = oneOf(CONVENTIONS, "planned_scrap_convention", plannedScrapConvention, errors);
        CostSchema.Rounding mode = oneOf(CostSchema.Rounding.class, "rounding", rounding, CostSchema.Rounding.HALF_UP,
                errors);
        BigDecimal burden = decimal("labor_burden", laborBurden, BigDecimal.ZERO, errors);
        if (burden != null && burden.signum() < 0) {
            errors.put("labor_burden", "must be a fraction of at least 0, not " + laborBurden);
        }
        String fx = oneOf(FX_POLICIES, "fx_policy", fxPolicy, errors);
        BigDecimal threshold = decimal("vital_few_threshold", vitalFewThreshold, CostSchema.VITAL_FEW, errors);
        if (threshold != null && (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0)) {
            errors.put("vital_few_threshold", "must be above 0 and at most 1, not " + vitalFewThreshold);
        }
        String catalog = defectCatalogVersion;
        if (catalog != null && catalog.isBlank()) {
            errors.put("defect_catalog_version", "must not be blank; leave it out for none");
        } else if (catalog != null && !catalog.matches(InputRules.CODE)) {
            errors.put("defect_catalog_version", InputRules.CODE_RULE);
        }
        boolean includeScrap = Boolean.parseBoolean(includeScrapInCompletions);
        if (includeScrapInCompletions != null && !List.of("true", "false").contains(includeScrapInCompletions)) {
            errors.put("include_scrap_in_completions", "must be true or false, not " + includeScrapInCompletions);
        }
        if (!errors.isEmpty()) {
            return new Read(null, errors);
        }
        return new Read(new CostSchema(null, method, convention, mode, burden, fx, threshold, catalog, includeScrap),
                Map.of());
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value, E fallback,
            Map<String, String> errors) {
        if (value == null) {
            return fallback;
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(CostSchema::name).toList();
        if (!names.contains(value)) {
            errors.put(field, "must be one of " + String.join(", ", names) + ", not " + value);
            return null;
        }
        return Enum.valueOf(type, value.toUpperCase());
    }

    private static String oneOf(List<String> allowed, String field, String value, Map<String, String> errors) {
        if (value == null) {
            return allowed.get(0);
        }
        if (!allowed.contains(value)) {
            errors.put(field, "must be one of " + String.join(", ", allowed) + ", not " + value);
            return null;
        }
        return value;
    }

    private static BigDecimal decimal(String field, String value, BigDecimal fallback, Map<String, String> errors) {
        if (value == null) {
            return fallback;
        }
        // Plain decimals only: 1e400 is a number to BigDecimal, but no setting of a cost schema.
        if (!value.trim().matches("[-+]?\\d{1,20}(\\.\\d{1,20})?")) {
            errors.put(field, "must be a decimal number such as 0.35");
            return null;
        }
        BigDecimal number = new BigDecimal(value.trim());
        String problem = InputRules.decimalProblem(number, InputRules.JSON_FRACTION_DIGITS);
        if (problem != null) {
            errors.put(field, problem);
            return null;
        }
        return number;
    }
}

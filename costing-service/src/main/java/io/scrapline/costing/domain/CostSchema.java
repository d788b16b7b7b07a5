package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one version of a tenant's cost schema (docs/cost-model.md §10). {@code version} is null for the
 * model's defaults, which costing uses until the tenant approves a version. {@code includeScrapInCompletions} says
 * whether the ERP counts scrapped units among an order's completions (docs/cost-model.md §6); off by default.
 */
public record CostSchema(Integer version, ScrapMethod scrapMethod, String plannedScrapConvention, Rounding rounding,
        BigDecimal laborBurden, String fxPolicy, BigDecimal vitalFewThreshold, String defectCatalogVersion,
        boolean includeScrapInCompletions) {

    /** Rounding of each event's amount to the currency's minor unit (docs/cost-model.md §9). */
    public enum Rounding {
        HALF_UP(RoundingMode.HALF_UP), HALF_EVEN(RoundingMode.HALF_EVEN);

        private final RoundingMode mode;

        Rounding(RoundingMode mode) {
            this.mode = mode;
        }
    }

    public static final String OF_INPUT = "of_input";
    public static final String AVERAGE = "average";
    public static final BigDecimal VITAL_FEW = new BigDecimal("0.80");

    /** The model's defaults with the given method and rounding, as costing uses them while none is approved. */
    public static CostSchema defaults(ScrapMethod method, RoundingMode rounding) {
        return new CostSchema(null, method, OF_INPUT, Rounding.valueOf(rounding.name()), BigDecimal.ZERO, AVERAGE,
                VITAL_FEW, null, false);
    }

    public RoundingMode roundingMode() {
        return rounding.mode;
    }

    /** What a costed event's explanation says about the schema it was costed with. */
    public Object explanation() {
        if (version == null) {
            return "default (none approved)";
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("version", version);
        schema.put("scrap_method", name(scrapMethod));
        schema.put("rounding", name(rounding));
        schema.put("planned_scrap_convention", plannedScrapConvention);
        schema.put("labor_burden", laborBurden.toPlainString());
        schema.put("fx_policy", fxPolicy);
        schema.put("vital_few_threshold", vitalFewThreshold.toPlainString());
        schema.put("include_scrap_in_completions", includeScrapInCompletions);
        if (defectCatalogVersion != null) {
            schema.put("defect_catalog_version", defectCatalogVersion);
        }
        return Collections.unmodifiableMap(schema);
    }

    /** The lower-case name by which the API and the database know an enum setting. */
    public static String name(Enum<?> setting) {
        return setting.name().toLowerCase();
    }
}

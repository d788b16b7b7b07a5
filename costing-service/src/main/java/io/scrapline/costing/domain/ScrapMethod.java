package io.scrapline.costing.domain;

/** How a scrapped unit is valued (docs/cost-model.md §4), a setting of the tenant's cost schema. */
public enum ScrapMethod {
    /** {@code C(k)} through the operation where the scrap occurred. The default. */
    CUMULATIVE_STANDARD,
    /** {@code C(last)}, whatever the operation. */
    FULL_STANDARD,
    /** Material staged through the operation. */
    MATERIAL_ONLY
}

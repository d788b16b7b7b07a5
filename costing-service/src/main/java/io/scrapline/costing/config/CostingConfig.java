package io.scrapline.costing.config;

import java.math.RoundingMode;

import io.scrapline.costing.domain.ScrapMethod;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scrapline.costing")
public interface CostingConfig {

    /** Records costed in one transaction; bounds memory and lock time of a run. */
    @WithDefault("2000")
    int chunkSize();

    /**
     * Scrap valuation method until tenants have approved cost schemas (cost-model.md §10); the model's default.
     */
    @WithDefault("cumulative_standard")
    String scrapMethod();

    /** Rounding of each event's amount to the currency's minor unit: half_up (default) or half_even. */
    @WithDefault("half_up")
    String rounding();

    /** How often the sweep looks for records no prompt got costed. */
    @WithDefault("15s")
    String sweepEvery();

    default ScrapMethod method() {
        return ScrapMethod.valueOf(scrapMethod().toUpperCase());
    }

    default RoundingMode roundingMode() {
        return RoundingMode.valueOf(rounding().toUpperCase());
    }
}

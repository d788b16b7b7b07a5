package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CostSchemaDraftTest {

    @Test
    void leftOutSettingsTakeTheModelsDefaults() {
        CostSchemaDraft.Read read = CostSchemaDraft.read(null, null, null, null, null, null, null, null);

        assertThat(read.errors()).isEmpty();
        CostSchema schema = read.schema();
        assertThat(schema.scrapMethod()).isEqualTo(ScrapMethod.CUMULATIVE_STANDARD);
        assertThat(schema.plannedScrapConvention()).isEqualTo("of_input");
        assertThat(schema.roundingMode()).isEqualTo(RoundingMode.HALF_UP);
        assertThat(schema.laborBurden()).isEqualByComparingTo("0");
        assertThat(schema.fxPolicy()).isEqualTo("average");
        assertThat(schema.vitalFewThreshold()).isEqualByComparingTo("0.80");
        assertThat(schema.defectCatalogVersion()).isNull();
        assertThat(schema.includeScrapInCompletions()).isFalse();
    }

    @Test
    void readsEverySetting() {
        CostSchema schema = CostSchemaDraft
                .read("material_only", "of_yield", "half_even", "0.35", "closing", "1", "2026.1", "true").schema();

        assertThat(schema.scrapMethod()).isEqualTo(ScrapMethod.MATERIAL_ONLY);
        assertThat(schema.plannedScrapConvention()).isEqualTo("of_yield");
        assertThat(schema.roundingMode()).isEqualTo(RoundingMode.HALF_EVEN);
        assertThat(schema.laborBurden()).isEqualByComparingTo("0.35");
        assertThat(schema.fxPolicy()).isEqualTo("closing");
        assertThat(schema.vitalFewThreshold()).isEqualByComparingTo("1");
        assertThat(schema.defectCatalogVersion()).isEqualTo("2026.1");
        assertThat(schema.includeScrapInCompletions()).isTrue();
    }

    @Test
    void namesEveryBadSettingAtOnce() {
        Map<String, String> errors = CostSchemaDraft
                .read("actual_wip", "of_output", "ceiling", "-0.1", "spot", "0", " ", "yes").errors();

        assertThat(errors).containsOnlyKeys("scrap_method", "planned_scrap_convention", "rounding", "labor_burden",
                "fx_policy", "vital_few_threshold", "defect_catalog_version", "include_scrap_in_completions");
        assertThat(errors.get("include_scrap_in_completions")).contains("yes");
        assertThat(errors.get("scrap_method")).contains("actual_wip").contains("full_standard");
        assertThat(errors.get("labor_burden")).contains("-0.1");
        assertThat(errors.get("vital_few_threshold")).contains("above 0");
    }

    @Test
    void theVitalFewThresholdMayNotExceedOneAndDecimalsMustBeNumbers() {
        assertThat(CostSchemaDraft.read(null, null, null, "abc", null, "1.01", null, null).errors())
                .containsOnlyKeys("labor_burden", "vital_few_threshold");
    }

    @Test
    void theExplanationNamesTheVersionAndItsSettingsOrTheDefaults() {
        assertThat(CostSchema.defaults(ScrapMethod.CUMULATIVE_STANDARD, RoundingMode.HALF_UP).explanation())
                .isEqualTo("default (none approved)");

        CostSchema approved = new CostSchema(4, ScrapMethod.FULL_STANDARD, "of_input", CostSchema.Rounding.HALF_EVEN,
                new BigDecimal("0.35"), "average", new BigDecimal("0.80"), null, true);
        assertThat(approved.explanation()).isEqualTo(Map.of("version", 4, "scrap_method", "full_standard", "rounding",
                "half_even", "planned_scrap_convention", "of_input", "labor_burden", "0.35", "fx_policy", "average",
                "vital_few_threshold", "0.80", "include_scrap_in_completions", true));
    }
}

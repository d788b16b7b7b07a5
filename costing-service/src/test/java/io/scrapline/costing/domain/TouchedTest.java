package io.scrapline.costing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.api.UnmappedPrompt;

/** What costing tells alert-service it moved: one prompt per plant and booking period, with every dimension. */
class TouchedTest {

    @Test
    void promptsNameThePlantPeriodCodesLinesWorkCentersShiftsAndTimesOfTheEvents() {
        Touched touched = new Touched();
        touched.add(record("DAY1", "L1", "WC-110", "A", "2026-05-14T09:00:00Z"), "2026-05", "MACH-DIM");
        touched.add(record("DAY1", "L2", "WC-210", "B", "2026-05-14T19:30:00Z"), "2026-05", "WELD-POR");
        touched.add(record("DAY1", "L1", "WC-110", null, "2026-05-13T23:10:00Z"), "2026-05", "MACH-DIM");
        touched.add(record("DAY1", "L1", "WC-110", "A", "2026-04-30T12:00:00Z"), "2026-04", "MACH-DIM");
        touched.add(record("LYON", "L9", "WC-900", " ", "2026-05-14T08:00:00Z"), "2026-05", "PAINT-RUN");

        assertThat(touched.prompts()).containsExactly(
                new AlertPrompt("DAY1", "2026-05", List.of("MACH-DIM", "WELD-POR"), List.of("L1", "L2"),
                        List.of("WC-110", "WC-210"), List.of("A", "B"), Instant.parse("2026-05-13T23:10:00Z"),
                        Instant.parse("2026-05-14T19:30:00Z")),
                new AlertPrompt("DAY1", "2026-04", List.of("MACH-DIM"), List.of("L1"), List.of("WC-110"), List.of("A"),
                        Instant.parse("2026-04-30T12:00:00Z"), Instant.parse("2026-04-30T12:00:00Z")),
                new AlertPrompt("LYON", "2026-05", List.of("PAINT-RUN"), List.of("L9"), List.of("WC-900"), List.of(),
                        Instant.parse("2026-05-14T08:00:00Z"), Instant.parse("2026-05-14T08:00:00Z")));
    }

    @Test
    void aRunAddsWhatEachChunkMoved() {
        Touched first = new Touched();
        first.add(record("DAY1", "L1", "WC-110", "A", "2026-05-14T09:00:00Z"), "2026-05", "MACH-DIM");
        Touched second = new Touched();
        second.add(record("DAY1", "L3", "WC-310", "C", "2026-05-12T03:00:00Z"), "2026-05", "MACH-DIM");
        Touched run = new Touched();
        run.addAll(first);
        run.addAll(second);

        assertThat(run.prompts()).singleElement().satisfies(prompt -> {
            assertThat(prompt.lines()).containsExactly("L1", "L3");
            assertThat(prompt.shifts()).containsExactly("A", "C");
            assertThat(prompt.occurredFrom()).isEqualTo(Instant.parse("2026-05-12T03:00:00Z"));
            assertThat(prompt.occurredTo()).isEqualTo(Instant.parse("2026-05-14T09:00:00Z"));
        });
        assertThat(new Touched().isEmpty()).isTrue();
        assertThat(run.isEmpty()).isFalse();
    }

    @Test
    void theSourceValuesParkedForWantOfACrossReferenceAreNamedOnceEach() {
        Touched touched = new Touched();
        assertThat(touched.unmappedPrompt()).isEmpty();
        touched.parked(parked("MES-NEW", "DIM", "unmapped_part"));
        touched.parked(parked("100-4471-A", "D-NEW", "unmapped_defect_code"));
        touched.parked(parked("MES-NEW", "OTHER", "unmapped_part"));
        touched.parked(parked("100-4471-A", "DIM", "no_standard_cost"));
        Touched run = new Touched();
        run.addAll(touched);

        assertThat(run.unmappedPrompt())
                .hasValue(new UnmappedPrompt(List.of(new UnmappedPrompt.Value("unmapped_part", "mes", "MES-NEW"),
                        new UnmappedPrompt.Value("unmapped_defect_code", "mes", "D-NEW"))));
        // More than a prompt names: none named, and alert-service looks at every value parked.
        for (int i = 0; i <= UnmappedPrompt.MAX_VALUES; i++) {
            run.parked(parked("MES-" + i, "DIM", "unmapped_part"));
        }
        assertThat(run.unmappedPrompt()).hasValue(new UnmappedPrompt(List.of()));
    }

    private static Outcome.Uncostable parked(String part, String code, String reason) {
        return new Outcome.Uncostable(
                new DefectRecord(1, "mes", "D-1", 1, "DAY1", "L1", "WC-110", part, code, BigDecimal.ONE, "scrap",
                        Instant.parse("2026-05-14T09:00:00Z"), "A", "0040", false, null, null, null),
                "2026-05", reason, "");
    }

    private static DefectRecord record(String plant, String line, String workCenter, String shift, String at) {
        return new DefectRecord(1, "mes", "D-1", 1, plant, line, workCenter, "100-4471-A", "DIM", BigDecimal.ONE,
                "scrap", Instant.parse(at), shift, "0040", false, null, null, null);
    }
}

package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ParallelComparisonTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-10-14T09:30:00-04:00");

    @Test
    void rowsOfOneKeyAreAddedUpAndAQuantityDifferenceIsNamed() {
        List<ManualReport.Row> rows = List.of(row(1, "L1", "P-1", "C-1", "2", "100.00"),
                row(4, "L1", "P-1", "C-1", "1", "50.00"));
        List<ParallelComparison.Event> events = List.of(event(11, "L1", "P-1", "C-1", "2", "100.00"),
                event(12, "L1", "P-1", "C-1", "2", "50.00"));

        ParallelComparison comparison = ParallelComparison.of(rows, events, 0, "USD");

        assertThat(comparison.totals().matching()).isZero();
        ParallelComparison.Discrepancy only = comparison.discrepancies().get(0);
        assertThat(only.kind()).isEqualTo(ParallelComparison.DIFFERS);
        assertThat(only.difference()).isEqualByComparingTo("0.00");
        assertThat(only.quantityDifference()).isEqualByComparingTo("-1");
        assertThat(only.manualRows()).containsExactly(1, 4);
        assertThat(only.events()).extracting(ParallelComparison.Event::id).containsExactly(11L, 12L);
        assertThat(only.note()).isEqualTo("the quantities differ: 3 in the manual report, 4 costed");
    }

    @Test
    void reworkWithoutADefectRecordIsAKeyWithoutPartOrCodeAndWaitingEventsAreNamed() {
        ParallelComparison comparison = ParallelComparison.of(List.of(row(1, "L2", "P-9", "C-9", "1", "9.99")),
                List.of(event(20, "L2", "", "", "0", "12.00")), 3, "USD");

        assertThat(comparison.totals().difference()).isEqualByComparingTo("-2.01");
        assertThat(comparison.totals().uncostedEvents()).isEqualTo(3);
        assertThat(comparison.discrepancies()).extracting(ParallelComparison.Discrepancy::kind)
                .containsExactly(ParallelComparison.ONLY_IN_SCRAPLINE, ParallelComparison.ONLY_IN_MANUAL);
        assertThat(comparison.discrepancies().get(0).part()).isNull();
        assertThat(comparison.discrepancies().get(0).defectCode()).isNull();
        assertThat(comparison.discrepancies().get(1).note())
                .endsWith("; 3 events of the plant-period wait in " + "exceptions");
    }

    private static ManualReport.Row row(int row, String line, String part, String code, String quantity, String cost) {
        return new ManualReport.Row(row, line, part, code, new BigDecimal(quantity), new BigDecimal(cost));
    }

    private static ParallelComparison.Event event(long id, String line, String part, String code, String quantity,
            String amount) {
        return new ParallelComparison.Event(id, "mes", "E" + id, line, part, code, "scrap", new BigDecimal(quantity),
                BigDecimal.ZERO, new BigDecimal(amount), AT, "/api/v1/costed-events/" + id);
    }
}

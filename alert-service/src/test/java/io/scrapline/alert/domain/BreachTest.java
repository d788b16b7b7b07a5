package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.platform.period.FiscalCalendar;

/** The threshold a breach crossed and how a relative one was found; money to the cent. */
class BreachTest {

    @Test
    void anAbsoluteThresholdIsItsValue() {
        Breach breach = breach(Metric.COST, "USD", new BigDecimal("2000.00"), null, 0, "0");
        assertThat(breach.threshold()).isEqualTo(new BigDecimal("2000.00"));
        assertThat(breach.basis()).isNull();
    }

    @Test
    void aRelativeCostThresholdIsCutToTheCentBelowTheExactFigure() {
        // 2 × 1,000.00 / 3 = 666.666...: shown as 666.66, which the figure that crossed it is above.
        Breach breach = breach(Metric.COST, "USD", null, new BigDecimal("2"), 3, "1000.00");
        assertThat(breach.threshold()).isEqualTo(new BigDecimal("666.66"));
        assertThat(breach.basis()).isEqualTo("2× the average of the last 3 shifts");
        assertThat(breach(Metric.COST, "JPY", null, new BigDecimal("1.5"), 2, "1001").threshold())
                .isEqualTo(new BigDecimal("750"));
    }

    @Test
    void aRelativeQuantityThresholdKeepsItsDecimals() {
        Breach breach = breach(Metric.QUANTITY, "USD", null, new BigDecimal("2.50"), 1, "12");
        assertThat(breach.threshold()).isEqualTo(new BigDecimal("30"));
        assertThat(breach.basis()).isEqualTo("2.5× the average of the last shift");
    }

    private static Breach breach(Metric metric, String currency, BigDecimal value, BigDecimal factor, long windows,
            String total) {
        CandidateRule rule = new CandidateRule("r", null, "DAY1", null, currency, ZoneId.of("UTC"),
                FiscalCalendar.CALENDAR, null, null, null, null, null, metric, RuleWindow.SHIFT, null, 20);
        WindowTarget target = new WindowTarget(rule, Instant.EPOCH, Instant.EPOCH, null, null, null);
        return new Breach(target, Level.WARNING, "shift/1970-01-01/A", BigDecimal.TEN, Instant.EPOCH, Instant.EPOCH,
                value, factor, windows, new BigDecimal(total), List.of("quality"), null);
    }
}

package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;

/** The plain email of an alert: v1's subject for v1's rules, and the scope, window and level of the others. */
class AlertEmailTest {

    @Test
    void aPeriodCostAlertReadsAsInV1() {
        AlertEmail email = AlertEmail.of(7, Level.WARNING, "mach-dim", "DAY1", "period/2026-10", "MACH-DIM",
                Metric.COST, new BigDecimal("873.60"), new BigDecimal("500.00"), "USD");
        assertThat(email.subject())
                .isEqualTo("[Scrapline] DAY1 2026-10: MACH-DIM cost 873.60 USD is over its threshold of 500.00");
        assertThat(email.body()).contains("rule mach-dim").contains("POST /api/v1/alerts/7/acknowledge");
    }

    @Test
    void otherWindowsMetricsAndLevelsAreNamed() {
        assertThat(
                AlertEmail
                        .of(8, Level.CRITICAL, "l2", "DAY1/L2", "shift/2026-05-14/B", null, Metric.COST,
                                new BigDecimal("2100.00"), new BigDecimal("2000.00"), "USD")
                        .subject()).isEqualTo(
                                "[Scrapline] CRITICAL DAY1/L2 shift B of 2026-05-14: All defects cost 2100.00 USD "
                                        + "is over its threshold of 2000.00");
        assertThat(AlertEmail.of(9, Level.WARNING, "w", "DAY1", "week/2026-05-11", "WELD", Metric.QUANTITY,
                new BigDecimal("12.000000"), new BigDecimal("10"), "USD").subject()).isEqualTo(
                        "[Scrapline] DAY1 week of 2026-05-11: WELD quantity 12 units is over its " + "threshold of 10");
        assertThat(
                AlertEmail
                        .of(9, Level.WARNING, "w", "DAY1", "rolling/4h/2026-05-14T16:00:00Z", "WELD", Metric.EVENTS,
                                new BigDecimal("5"), new BigDecimal("4"), "USD")
                        .subject()).isEqualTo(
                                "[Scrapline] DAY1 last 4 hours: WELD events 5 events is over its threshold of 4");
    }
}

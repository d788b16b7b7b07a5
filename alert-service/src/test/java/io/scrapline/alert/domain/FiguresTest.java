package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.scrapline.alert.domain.Notice.Metric;

class FiguresTest {

    @Test
    void moneyKeepsTheCurrencysMinorUnitAndGroupsThousands() {
        assertThat(Figures.money(new BigDecimal("4215.5"), "USD")).isEqualTo("4,215.50 USD");
        assertThat(Figures.money(new BigDecimal("1234567"), "JPY")).isEqualTo("1,234,567 JPY");
        assertThat(Figures.money(new BigDecimal("12.3456"), "KWD")).isEqualTo("12.346 KWD");
        assertThat(Figures.money(new BigDecimal("999.995"), "EUR")).isEqualTo("1,000.00 EUR");
        assertThat(Figures.money(new BigDecimal("-1200.00"), "USD")).isEqualTo("-1,200.00 USD");
        assertThat(Figures.money(new BigDecimal("0"), "USD")).isEqualTo("0.00 USD");
    }

    @Test
    void moneyIsExactWhereADoubleIsNot() {
        // 0.1 + 0.2 as a double is 0.30000000000000004; and a double cannot hold the cents of 90 trillion.
        assertThat(Figures.money(new BigDecimal("0.1").add(new BigDecimal("0.2")), "USD")).isEqualTo("0.30 USD");
        assertThat(Figures.money(new BigDecimal("90071992547409.93"), "USD")).isEqualTo("90,071,992,547,409.93 USD");
    }

    @Test
    void quantitiesAndCountsDropTrailingZerosAndNameTheirUnit() {
        assertThat(Figures.quantity(new BigDecimal("1250.000"))).isEqualTo("1,250");
        assertThat(Figures.quantity(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(Figures.quantity(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(Figures.measure(Metric.QUANTITY, new BigDecimal("1"), "USD")).isEqualTo("1 unit");
        assertThat(Figures.measure(Metric.EVENTS, new BigDecimal("37"), "USD")).isEqualTo("37 events");
        assertThat(Figures.measure(Metric.COST, new BigDecimal("2000"), "USD")).isEqualTo("2,000.00 USD");
    }

    @Test
    void windowsAndTimesAreShownInThePlantsZone() {
        assertThat(Notices.shiftB().text()).isEqualTo("shift B: 2026-05-14 14:00 to 22:00 (America/New_York)");
        assertThat(Notices.rollingQuantity().window().text())
                .isEqualTo("rolling hours last 4 hours: 2026-05-14 12:00 to 16:00 (America/New_York)");
        assertThat(Figures.time(Instant.parse("2026-05-14T19:32:05Z"), Notices.DAYTON)).isEqualTo("2026-05-14 15:32");
    }
}

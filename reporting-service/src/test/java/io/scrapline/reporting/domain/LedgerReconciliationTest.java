package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class LedgerReconciliationTest {

    @Test
    void equalAmountsOfEveryWorkOrderMatch() {
        LedgerReconciliation ledger = LedgerReconciliation.of("P1", "2026-10", "USD",
                List.of(costed("5400", "WO-1", "scrap", "100.10", 2), costed("5400", "WO-1", "rework", "0.90", 1)),
                List.of(posted("5400", "WO-1", "USD", "101.000000", "JE-1")));

        assertThat(ledger.matched()).isTrue();
        assertThat(ledger.differences()).isEmpty();
        assertThat(ledger.accounts()).containsExactly(new LedgerReconciliation.AccountBalance("5400", money("100.10"),
                money("0.90"), money("101.00"), money("101.00"), money("0.00"), true));
    }

    @Test
    void theDifferencesOfWorkOrdersSumToTheAccountsDifference() {
        LedgerReconciliation ledger = LedgerReconciliation.of("P1", "2026-10", "USD",
                List.of(costed("5400", "WO-1", "scrap", "50.00", 1), costed("5400", "WO-2", "scrap", "20.00", 1),
                        costed(null, null, "rework", "7.50", 1)),
                List.of(posted("5400", "WO-2", "USD", "25.00", "JE-2"), posted("5400", null, "USD", "-3.25", "JE-3")));

        assertThat(ledger.differences()).extracting(LedgerReconciliation.WorkOrderDifference::kind).containsExactly(
                LedgerReconciliation.COSTED_NOT_POSTED, LedgerReconciliation.POSTED_NOT_COSTED,
                LedgerReconciliation.COSTED_NOT_POSTED, LedgerReconciliation.AMOUNT_DIFFERS);
        assertThat(ledger.differences()).extracting(LedgerReconciliation.WorkOrderDifference::workOrder)
                .containsExactly(null, null, "WO-1", "WO-2");
        BigDecimal sum = ledger.differences().stream().map(LedgerReconciliation.WorkOrderDifference::difference)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(ledger.totals().difference()).isEqualByComparingTo("-55.75");
        assertThat(ledger.accounts()).extracting(LedgerReconciliation.AccountBalance::account).containsExactly(null,
                "5400");
        assertThat(ledger.accounts()).extracting(LedgerReconciliation.AccountBalance::difference)
                .containsExactly(money("-7.50"), money("-48.25"));
    }

    @Test
    void aPostingInAnotherCurrencyIsOnNoAccount() {
        LedgerReconciliation ledger = LedgerReconciliation.of("P1", "2026-10", "JPY",
                List.of(costed("5400", "WO-1", "scrap", "1200", 1)),
                List.of(posted("5400", "WO-1", "JPY", "1200.000000", "JE-1"),
                        posted("5400", "WO-1", "EUR", "8.500000", "JE-2")));

        assertThat(ledger.totals().posted()).isEqualTo(new BigDecimal("1200"));
        assertThat(ledger.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(LedgerReconciliation.OTHER_CURRENCY);
            assertThat(d.posted()).isEqualTo(money("8.50"));
            assertThat(d.currency()).isEqualTo("EUR");
        });
    }

    private static LedgerReconciliation.Costed costed(String account, String workOrder, String type, String amount,
            long events) {
        return new LedgerReconciliation.Costed(account, workOrder, type, new BigDecimal(amount), events);
    }

    private static LedgerReconciliation.Posted posted(String account, String workOrder, String currency, String amount,
            String document) {
        return new LedgerReconciliation.Posted(account, workOrder, currency, new BigDecimal(amount), List.of(document));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}

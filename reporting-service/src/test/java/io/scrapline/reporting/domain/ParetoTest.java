package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Pareto of defect codes by cost (contract.md, "Reports"; docs/cost-model.md §10), figures worked by hand. */
class ParetoTest {

    private static final BigDecimal EIGHTY_PERCENT = new BigDecimal("0.80");

    @Test
    void codesAreRankedByCostDescending() {
        List<Pareto.Entry> pareto = Pareto.of(
                List.of(cost("C", "150.00"), cost("A", "500.00"), cost("D", "50.00"), cost("B", "300.00")),
                EIGHTY_PERCENT);

        assertThat(pareto).extracting(Pareto.Entry::defectCode).containsExactly("A", "B", "C", "D");
        assertThat(pareto).extracting(Pareto.Entry::rank).containsExactly(1, 2, 3, 4);
        assertThat(pareto).extracting(Pareto.Entry::cost).containsExactly(new BigDecimal("500.00"),
                new BigDecimal("300.00"), new BigDecimal("150.00"), new BigDecimal("50.00"));
    }

    @Test
    void sharesAndCumulativeSharesHaveFourDecimals() {
        // of 1000.00: 500 → 0.5000, 300 → 0.3000, 150 → 0.1500, 50 → 0.0500
        // cumulative: 0.5000, 0.8000, 0.9500, 1.0000
        List<Pareto.Entry> pareto = Pareto.of(
                List.of(cost("A", "500.00"), cost("B", "300.00"), cost("C", "150.00"), cost("D", "50.00")),
                EIGHTY_PERCENT);

        assertThat(pareto).extracting(Pareto.Entry::share).containsExactly(new BigDecimal("0.5000"),
                new BigDecimal("0.3000"), new BigDecimal("0.1500"), new BigDecimal("0.0500"));
        assertThat(pareto).extracting(Pareto.Entry::cumulativeShare).containsExactly(new BigDecimal("0.5000"),
                new BigDecimal("0.8000"), new BigDecimal("0.9500"), new BigDecimal("1.0000"));
    }

    @Test
    void theVitalFewAreTheCodesNeededToReachTheThreshold() {
        // A starts at 0.0000 and B at 0.5000, both below 0.80: vital; C starts at 0.8000, already reached
        List<Pareto.Entry> pareto = Pareto.of(
                List.of(cost("A", "500.00"), cost("B", "300.00"), cost("C", "150.00"), cost("D", "50.00")),
                EIGHTY_PERCENT);

        assertThat(pareto).extracting(Pareto.Entry::vitalFew).containsExactly(true, true, false, false);
    }

    @Test
    void theThresholdIsASetting() {
        // at 0.85, C (starting at 0.8000) is still needed; D (starting at 0.9500) is not
        List<Pareto.Entry> pareto = Pareto.of(
                List.of(cost("A", "500.00"), cost("B", "300.00"), cost("C", "150.00"), cost("D", "50.00")),
                new BigDecimal("0.85"));

        assertThat(pareto).extracting(Pareto.Entry::vitalFew).containsExactly(true, true, true, false);
    }

    @Test
    void oneCodeAboveTheThresholdIsTheOnlyVitalOne() {
        // 900.00 of 1000.00 = 0.9000 ≥ 0.80 on its own
        List<Pareto.Entry> pareto = Pareto.of(List.of(cost("A", "900.00"), cost("B", "100.00")), EIGHTY_PERCENT);

        assertThat(pareto).extracting(Pareto.Entry::vitalFew).containsExactly(true, false);
    }

    @Test
    void sharesOfThirdsSumToExactlyOne() {
        // 100 each of 300: cumulative 100/300 → 0.3333, 200/300 → 0.6667, 1.0000
        List<Pareto.Entry> pareto = Pareto.of(List.of(cost("A", "100.00"), cost("B", "100.00"), cost("C", "100.00")),
                EIGHTY_PERCENT);

        assertThat(pareto).extracting(Pareto.Entry::cumulativeShare).containsExactly(new BigDecimal("0.3333"),
                new BigDecimal("0.6667"), new BigDecimal("1.0000"));
        assertThat(sumOfShares(pareto)).isEqualTo(new BigDecimal("1.0000"));
        // each share is a third to the fourth decimal: 0.3333 or 0.3334
        assertThat(pareto).extracting(Pareto.Entry::share)
                .allSatisfy(share -> assertThat(share).isBetween(new BigDecimal("0.3333"), new BigDecimal("0.3334")));
    }

    @Test
    void sharesOfSeventhsSumToExactlyOne() {
        // 1/7 = 0.142857…: seven rounded shares of 0.1429 would sum to 1.0003
        List<Pareto.Entry> pareto = Pareto.of(List.of(cost("A", "1.00"), cost("B", "1.00"), cost("C", "1.00"),
                cost("D", "1.00"), cost("E", "1.00"), cost("F", "1.00"), cost("G", "1.00")), EIGHTY_PERCENT);

        assertThat(sumOfShares(pareto)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(pareto.get(pareto.size() - 1).cumulativeShare()).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void eachCumulativeShareIsTheRunningSumOfTheShares() {
        // 2/3 → 0.6667 and 1/3 → 0.3333; cumulative 0.6667 then 0.6667 + 0.3333 = 1.0000
        List<Pareto.Entry> pareto = Pareto.of(List.of(cost("A", "1.00"), cost("B", "2.00")), EIGHTY_PERCENT);

        assertThat(pareto).extracting(Pareto.Entry::defectCode).containsExactly("B", "A");
        assertThat(pareto).extracting(Pareto.Entry::share).containsExactly(new BigDecimal("0.6667"),
                new BigDecimal("0.3333"));
        BigDecimal running = BigDecimal.ZERO;
        for (Pareto.Entry entry : pareto) {
            running = running.add(entry.share());
            assertThat(entry.cumulativeShare()).isEqualByComparingTo(running);
        }
    }

    @Test
    void zeroCostCodesAreLeftOut() {
        // B costs nothing: A is 100 % on its own
        List<Pareto.Entry> pareto = Pareto.of(List.of(cost("A", "500.00"), cost("B", "0.00")), EIGHTY_PERCENT);

        assertThat(pareto).singleElement().satisfies(entry -> {
            assertThat(entry.defectCode()).isEqualTo("A");
            assertThat(entry.share()).isEqualTo(new BigDecimal("1.0000"));
            assertThat(entry.vitalFew()).isTrue();
        });
    }

    @Test
    void noCostsMakeAnEmptyPareto() {
        assertThat(Pareto.of(List.of(), EIGHTY_PERCENT)).isEmpty();
        assertThat(Pareto.of(List.of(cost("A", "0.00")), EIGHTY_PERCENT)).isEmpty();
    }

    @Test
    void equalCostsAreRankedByCode() {
        List<Pareto.Entry> pareto = Pareto.of(List.of(cost("B", "10.00"), cost("A", "10.00")), EIGHTY_PERCENT);

        assertThat(pareto).extracting(Pareto.Entry::defectCode).containsExactly("A", "B");
    }

    @Test
    void theDescriptionTravelsWithTheCode() {
        List<Pareto.Entry> pareto = Pareto
                .of(List.of(new Pareto.Cost("MACH-01", "Machining burr", new BigDecimal("655.20"))), EIGHTY_PERCENT);

        assertThat(pareto).singleElement().extracting(Pareto.Entry::description).isEqualTo("Machining burr");
    }

    private static BigDecimal sumOfShares(List<Pareto.Entry> pareto) {
        return pareto.stream().map(Pareto.Entry::share).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Pareto.Cost cost(String code, String amount) {
        return new Pareto.Cost(code, "defect " + code, new BigDecimal(amount));
    }
}

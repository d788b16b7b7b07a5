package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.problem.FieldError;

/** Validation of batch rows against their record type (contract.md, "Ingest"): every error, with row and field. */
class RecordValidatorTest {

    private static final String INSTANT_MESSAGE = "must be an ISO-8601 date-time with offset, e.g. "
            + "2026-10-14T09:30:00-04:00";
    private static final String CURRENCY_MESSAGE = "must be an ISO 4217 currency code such as USD";
    private static final String FRACTION_MESSAGE = "must be a fraction from 0 up to but not including 1";
    private static final String DECIMAL_MESSAGE = "must be a decimal number such as 12.5";

    private final RecordValidator defects = new RecordValidator(RecordType.DEFECTS, false);
    private final RecordValidator standardCosts = new RecordValidator(RecordType.STANDARD_COSTS, false);

    @Test
    void aCompleteDefectIsValidAndReadIntoItsTypes() {
        RecordValidator.Result result = defects
                .validate(List.of(defect("D-1").with("customer_return", "yes").with("salvage_value", "18.40").row()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.rejectedRows()).isZero();
        assertThat(result.valid()).singleElement().satisfies(record -> {
            assertThat(record.row()).isEqualTo(1);
            assertThat(record.values()).containsEntry("source_id", "D-1").containsEntry("quantity", new BigDecimal("3"))
                    .containsEntry("disposition", "scrap")
                    .containsEntry("occurred_at", OffsetDateTime.parse("2026-10-14T09:30:00-04:00"))
                    .containsEntry("customer_return", true).containsEntry("salvage_value", new BigDecimal("18.40"));
            assertThat(record.key()).isEqualTo("D-1");
        });
    }

    @Test
    void missingAndBlankRequiredFieldsAreReported() {
        Map<String, String> row = defect("D-1").without("plant").with("line", "  ").with("quantity", "").row();

        RecordValidator.Result result = defects.validate(List.of(row));

        assertThat(result.errors()).containsExactly(new FieldError(1, "plant", "is required"),
                new FieldError(1, "line", "is required"), new FieldError(1, "quantity", "is required"));
        assertThat(result.valid()).isEmpty();
        assertThat(result.rejectedRows()).isEqualTo(1);
    }

    @Test
    void missingOptionalFieldsAreFine() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").with("shift", "").row()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).singleElement().satisfies(
                record -> assertThat(record.values()).doesNotContainKeys("shift", "operation", "customer_return"));
    }

    @Test
    void aQuantityMustBePositive() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").with("quantity", "-2").row(),
                defect("D-2").with("quantity", "0").row(), defect("D-3").with("quantity", "0.5").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "quantity", "must be > 0"),
                new FieldError(2, "quantity", "must be > 0"));
        assertThat(result.valid()).extracting(ValidRecord::row).containsExactly(3);
    }

    @Test
    void aQuantityMustBeAPlainDecimal() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").with("quantity", "three").row(),
                defect("D-2").with("quantity", "1e3").row(), defect("D-3").with("quantity", "1,5").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "quantity", DECIMAL_MESSAGE),
                new FieldError(2, "quantity", DECIMAL_MESSAGE), new FieldError(3, "quantity", DECIMAL_MESSAGE));
    }

    @Test
    void aDateTimeWithoutOffsetIsRefused() {
        RecordValidator.Result result = defects
                .validate(List.of(defect("D-1").with("occurred_at", "2026-10-14T09:30:00").row(),
                        defect("D-2").with("occurred_at", "2026-10-14").row(),
                        defect("D-3").with("occurred_at", "2026-10-14T13:30:00Z").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "occurred_at", INSTANT_MESSAGE),
                new FieldError(2, "occurred_at", INSTANT_MESSAGE));
        assertThat(result.valid()).singleElement().satisfies(record -> assertThat(record.values())
                .containsEntry("occurred_at", OffsetDateTime.parse("2026-10-14T13:30:00Z")));
    }

    @Test
    void anUnknownDispositionIsRefused() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").with("disposition", "scrapped").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "disposition",
                "must be one of scrap, rework, use_as_is, return_to_vendor, quarantine"));
    }

    @Test
    void everyDispositionOfTheContractIsAccepted() {
        List<String> dispositions = List.of("scrap", "rework", "use_as_is", "return_to_vendor", "quarantine");

        RecordValidator.Result result = defects.validate(dispositions.stream()
                .map(disposition -> defect("D-" + disposition).with("disposition", disposition).row()).toList());

        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).hasSize(5);
    }

    @Test
    void anUnknownColumnIsAnError() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").with("colour", "red").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "colour", "unknown field for defects"));
        assertThat(result.valid()).isEmpty();
    }

    @Test
    void unknownColumnsAreIgnoredWhenAskedTo() {
        RecordValidator lenient = new RecordValidator(RecordType.DEFECTS, true);

        RecordValidator.Result result = lenient.validate(List.of(defect("D-1").with("colour", "red").row()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).singleElement()
                .satisfies(record -> assertThat(record.values()).doesNotContainKey("colour"));
    }

    @Test
    void ignoringUnknownColumnsStillChecksTheKnownOnes() {
        RecordValidator lenient = new RecordValidator(RecordType.DEFECTS, true);

        RecordValidator.Result result = lenient
                .validate(List.of(defect("D-1").with("colour", "red").with("quantity", "-1").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "quantity", "must be > 0"));
    }

    @Test
    void theSameRecordTwiceInOneBatchIsAnError() {
        RecordValidator.Result result = defects
                .validate(List.of(defect("D-1").row(), defect("D-2").row(), defect("D-1").with("quantity", "4").row()));

        assertThat(result.errors())
                .containsExactly(new FieldError(3, "source_id", "same record as row 1 of this batch"));
        assertThat(result.valid()).extracting(ValidRecord::row).containsExactly(1, 2);
        assertThat(result.rejectedRows()).isEqualTo(1);
    }

    @Test
    void theNaturalKeyIdentifiesAStandardCost() {
        RecordValidator.Result result = standardCosts.validate(List.of(standardCost("0010").row(),
                standardCost("0020").row(), standardCost("0010").with("material_cost", "125.00").row(),
                standardCost("0010").with("effective_from", "2026-07-01").row()));

        assertThat(result.errors()).containsExactly(
                new FieldError(3, "plant+part+operation+effective_from", "same record as row 1 of this batch"));
        assertThat(result.valid()).extracting(ValidRecord::row).containsExactly(1, 2, 4);
        assertThat(result.valid().get(0).key()).isEqualTo("P1|ERP-100|0010|2026-01-01");
        assertThat(result.valid().get(0).values()).containsEntry("effective_from", LocalDate.of(2026, 1, 1));
    }

    @Test
    void aCurrencyMustBeAnIso4217Code() {
        RecordValidator.Result result = standardCosts.validate(List.of(
                standardCost("0010").with("currency", "usd").row(), standardCost("0020").with("currency", "XYZ").row(),
                standardCost("0030").with("currency", "US$").row(),
                standardCost("0040").with("currency", "JPY").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "currency", CURRENCY_MESSAGE),
                new FieldError(2, "currency", CURRENCY_MESSAGE), new FieldError(3, "currency", CURRENCY_MESSAGE));
        assertThat(result.valid()).singleElement()
                .satisfies(record -> assertThat(record.values()).containsEntry("currency", "JPY"));
    }

    @Test
    void aPlannedScrapRateMustBeAFractionBelowOne() {
        RecordValidator.Result result = standardCosts
                .validate(List.of(standardCost("0010").with("planned_scrap_rate", "1").row(),
                        standardCost("0020").with("planned_scrap_rate", "1.5").row(),
                        standardCost("0030").with("planned_scrap_rate", "-0.1").row(),
                        standardCost("0040").with("planned_scrap_rate", "0").row(),
                        standardCost("0050").with("planned_scrap_rate", "0.999999").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "planned_scrap_rate", FRACTION_MESSAGE),
                new FieldError(2, "planned_scrap_rate", FRACTION_MESSAGE),
                new FieldError(3, "planned_scrap_rate", FRACTION_MESSAGE));
        assertThat(result.valid()).extracting(ValidRecord::row).containsExactly(4, 5);
    }

    @Test
    void aBooleanIsTrueOrFalse() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").with("customer_return", "maybe").row(),
                defect("D-2").with("customer_return", "TRUE").row(), defect("D-3").with("customer_return", "0").row(),
                defect("D-4").with("customer_return", "no").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "customer_return", "must be true or false"));
        assertThat(result.valid()).extracting(record -> record.values().get("customer_return")).containsExactly(true,
                false, false);
    }

    @Test
    void aMilestoneFlagIsABoolean() {
        RecordValidator.Result result = standardCosts
                .validate(List.of(standardCost("0010").with("milestone", "sometimes").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "milestone", "must be true or false"));
    }

    @Test
    void aDateMustBeIso() {
        RecordValidator.Result result = standardCosts
                .validate(List.of(standardCost("0010").with("effective_from", "2026-13-01").row(),
                        standardCost("0020").with("effective_from", "01/07/2026").row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "effective_from", "must be a date YYYY-MM-DD"),
                new FieldError(2, "effective_from", "must be a date YYYY-MM-DD"));
    }

    @Test
    void costsAndSalvageMayBeZeroButNotNegative() {
        RecordValidator.Result costs = standardCosts
                .validate(List.of(standardCost("0010").with("material_cost", "0").row(),
                        standardCost("0020").with("labor_cost", "-0.01").row()));
        RecordValidator.Result salvage = defects.validate(List.of(defect("D-1").with("salvage_value", "-1").row()));

        assertThat(costs.errors()).containsExactly(new FieldError(2, "labor_cost", "must be >= 0"));
        assertThat(salvage.errors()).containsExactly(new FieldError(1, "salvage_value", "must be >= 0"));
    }

    @Test
    void textIsLimitedTo200Characters() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").with("ncr", "N".repeat(201)).row(),
                defect("D-2").with("ncr", "N".repeat(200)).row()));

        assertThat(result.errors()).containsExactly(new FieldError(1, "ncr", "must be at most 200 characters"));
    }

    @Test
    void valuesAreStripped() {
        RecordValidator.Result result = defects.validate(List.of(defect(" D-1 ").with("quantity", " 3 ").row()));

        assertThat(result.valid()).singleElement().satisfies(record -> {
            assertThat(record.values()).containsEntry("source_id", "D-1");
            assertThat(record.values()).containsEntry("quantity", new BigDecimal("3"));
        });
    }

    @Test
    void everyErrorOfEveryRowIsReported() {
        RecordValidator.Result result = defects.validate(List.of(defect("D-1").row(),
                defect("D-2").with("quantity", "-1").with("occurred_at", "2026-10-14T09:30").row(), defect("D-3").row(),
                defect("D-4").with("disposition", "bin").with("colour", "red").row()));

        assertThat(result.errors()).containsExactly(new FieldError(2, "quantity", "must be > 0"),
                new FieldError(2, "occurred_at", INSTANT_MESSAGE),
                new FieldError(4, "colour", "unknown field for defects"), new FieldError(4, "disposition",
                        "must be one of scrap, rework, use_as_is, return_to_vendor, quarantine"));
        assertThat(result.rejectedRows()).isEqualTo(2);
        assertThat(result.valid()).extracting(ValidRecord::row).containsExactly(1, 3);
    }

    @Test
    void theContentHashIgnoresNumberFormatting() {
        // 3 and 3.00 are the same quantity: a re-send is a duplicate; 4 is an update
        ValidRecord three = only(defects.validate(List.of(defect("D-1").with("quantity", "3").row())));
        ValidRecord threePointZero = only(defects.validate(List.of(defect("D-1").with("quantity", "3.00").row())));
        ValidRecord four = only(defects.validate(List.of(defect("D-1").with("quantity", "4").row())));

        assertThat(threePointZero.contentHash()).isEqualTo(three.contentHash());
        assertThat(four.contentHash()).isNotEqualTo(three.contentHash());
    }

    @Test
    void theContentHashIgnoresTheOrderOfTheSendersColumns() {
        // The validator keeps the record type's field order, whatever order the columns came in.
        Map<String, String> forward = new LinkedHashMap<>(defect("D-1").row());
        Map<String, String> backward = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(forward.keySet());
        Collections.reverse(names);
        names.forEach(name -> backward.put(name, forward.get(name)));

        assertThat(only(defects.validate(List.of(backward))).contentHash())
                .isEqualTo(only(defects.validate(List.of(forward))).contentHash());
    }

    @Test
    void theContentHashChangesWithAnyField() {
        ValidRecord scrap = only(defects.validate(List.of(defect("D-1").row())));
        ValidRecord rework = only(defects.validate(List.of(defect("D-1").with("disposition", "rework").row())));
        ValidRecord withShift = only(defects.validate(List.of(defect("D-1").with("shift", "B").row())));

        assertThat(rework.contentHash()).isNotEqualTo(scrap.contentHash());
        assertThat(withShift.contentHash()).isNotEqualTo(scrap.contentHash());
    }

    @Test
    void decimalsAreWrittenPlainForSql() {
        Object[] values = new Object[RecordType.DEFECTS.fields().size()];
        values[RecordType.DEFECTS.index("quantity")] = new BigDecimal("1E+3");
        values[RecordType.DEFECTS.index("plant")] = "P1";
        ValidRecord record = new ValidRecord(1, RecordType.DEFECTS, values);

        assertThat(record.sqlText("quantity")).isEqualTo("1000");
        assertThat(record.sqlText("plant")).isEqualTo("P1");
        assertThat(record.sqlText("missing")).isNull();
        assertThat(record.text("missing")).isNull();
    }

    @Test
    void recordTypesAreFoundByTheirPath() {
        assertThat(RecordType.fromPath("defects")).contains(RecordType.DEFECTS);
        assertThat(RecordType.fromPath("standard-costs")).contains(RecordType.STANDARD_COSTS);
        assertThat(RecordType.fromPath("standard_costs")).isEmpty();
    }

    private static ValidRecord only(RecordValidator.Result result) {
        assertThat(result.errors()).isEmpty();
        return result.valid().get(0);
    }

    /** A valid defect row: 3 units of SP-1 scrapped on 2026-10-14 at 09:30 New York time. */
    private static Row defect(String sourceId) {
        return new Row().with("source_id", sourceId).with("plant", "P1").with("line", "L1").with("work_center", "WC1")
                .with("part", "SP-1").with("defect_code", "D01").with("quantity", "3").with("disposition", "scrap")
                .with("occurred_at", "2026-10-14T09:30:00-04:00");
    }

    /** A valid standard-cost row of ERP-100 in P1, effective 2026-01-01. */
    private static Row standardCost(String operation) {
        return new Row().with("part", "ERP-100").with("plant", "P1").with("operation", operation)
                .with("material_cost", "120.00").with("labor_cost", "30.00").with("overhead_cost", "20.00")
                .with("currency", "USD").with("effective_from", "2026-01-01");
    }

    /** A row as a body reader gives it: field name to text, in column order. */
    private static final class Row {

        private final Map<String, String> fields = new LinkedHashMap<>();

        Row with(String field, String text) {
            fields.put(field, text);
            return this;
        }

        Row without(String field) {
            fields.remove(field);
            return this;
        }

        Map<String, String> row() {
            return fields;
        }
    }
}

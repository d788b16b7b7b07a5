package io.scrapline.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.Report;

/** The spreadsheet form of a report: a sheet per table, figures as numbers in the currency and percent formats. */
class ReportXlsxTest {

    @Test
    void isAPackageOfWellFormedPartsWithASheetPerTable() {
        XlsxWorkbook workbook = XlsxWorkbook.read(ReportXlsx.of(SampleReports.threeCodes()));

        assertThat(workbook.sheetNames()).containsExactly("Report", "Totals", "Cost by line and work center",
                "Pareto of defect codes", "Cost of quality", "Variance", "Scrap variance",
                "Planned and unplanned scrap", "Cost by shift", "Defect codes by shift", "Year to date",
                "Year to date by COQ class", "Weekly cost of the top codes", "NCRs and corrective actions");
        // A spreadsheet refuses a sheet name longer than 31 characters.
        assertThat(workbook.sheetNames()).allMatch(name -> name.length() <= 31);
        assertThat(workbook.parts()).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet14.xml");
        String contentTypes = new String(workbook.parts().get("[Content_Types].xml"), StandardCharsets.UTF_8);
        for (int sheet = 1; sheet <= 14; sheet++) {
            assertThat(contentTypes).contains("PartName=\"/xl/worksheets/sheet" + sheet + ".xml\"");
        }
        assertThat(new String(workbook.parts().get("_rels/.rels"), StandardCharsets.UTF_8))
                .contains("Target=\"xl/workbook.xml\"");
    }

    @Test
    void moneyIsANumberInTheCurrencysFormatAndSharesArePercent() {
        XlsxWorkbook workbook = XlsxWorkbook.read(ReportXlsx.of(SampleReports.threeCodes()));

        assertThat(workbook.valueOf("Totals", "Total cost (USD)"))
                .isEqualTo(new XlsxWorkbook.Cell("n", "1300.00", "[$USD] #,##0.00"));
        assertThat(workbook.valueOf("Totals", "Scrap cost (USD)").value()).isEqualTo("1250.50");
        assertThat(workbook.valueOf("Totals", "Events")).isEqualTo(new XlsxWorkbook.Cell("n", "4", "#,##0"));
        assertThat(workbook.valueOf("Totals", "Quantity not yet costed"))
                .isEqualTo(new XlsxWorkbook.Cell("n", "4", "General"));
        assertThat(workbook.valueOf("Variance", "Variance to the budget"))
                .isEqualTo(new XlsxWorkbook.Cell("n", "-0.1333", "0.00%"));
        assertThat(workbook.valueOf("Variance", "Change to the prior period").value()).isEqualTo("0.3000");

        List<XlsxWorkbook.Cell> lineTotals = workbook.column("Cost by line and work center", "Total cost (USD)");
        assertThat(lineTotals).extracting(XlsxWorkbook.Cell::value).containsExactly("1000.00", "250.50", "49.50");
        assertThat(lineTotals).extracting(XlsxWorkbook.Cell::format).containsOnly("[$USD] #,##0.00");
        assertThat(
                lineTotals.stream().map(cell -> new BigDecimal(cell.value())).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo("1300.00");

        assertThat(workbook.column("Pareto of defect codes", "Share")).containsExactly(
                new XlsxWorkbook.Cell("n", "0.7692", "0.00%"), new XlsxWorkbook.Cell("n", "0.1927", "0.00%"),
                new XlsxWorkbook.Cell("n", "0.0381", "0.00%"));
        assertThat(workbook.column("Pareto of defect codes", "Vital few")).extracting(XlsxWorkbook.Cell::value)
                .containsExactly("1", "1", "0");
    }

    @Test
    void textIsInlineTextEvenWhereItLooksLikeMarkupOrAFormula() {
        Report report = SampleReports.threeCodes();
        XlsxWorkbook workbook = XlsxWorkbook.read(ReportXlsx.of(report));

        assertThat(workbook.column("Pareto of defect codes", "Description")).containsExactly(
                new XlsxWorkbook.Cell("inlineStr", SampleReports.MACH_DESCRIPTION, "General"),
                new XlsxWorkbook.Cell("inlineStr", SampleReports.WELD_DESCRIPTION, "General"),
                new XlsxWorkbook.Cell("inlineStr", "Paint run", "General"));
        assertThat(workbook.valueOf("Report", "Plant name").value()).isEqualTo("Plant one");
        assertThat(workbook.rows("Totals").get(0)).extracting(XlsxWorkbook.Cell::value).containsExactly("Figure",
                "Value");
    }

    @Test
    void aMissingBudgetIsAnEmptyCellNotZero() {
        XlsxWorkbook workbook = XlsxWorkbook.read(ReportXlsx.of(SampleReports.withoutBudget()));

        assertThat(workbook.valueOf("Variance", "Budget (USD)")).isNull();
        assertThat(workbook.valueOf("Variance", "Variance to the budget")).isNull();
        assertThat(workbook.valueOf("Variance", "Prior period total (USD)").value()).isEqualTo("0.00");
    }

    @Test
    void aCurrencyWithoutMinorUnitsHasNoDecimalsInItsFormat() {
        assertThat(ReportXlsx.styles("JPY")).contains("formatCode=\"[$JPY] #,##0\"");
        assertThat(ReportXlsx.styles("KWD")).contains("formatCode=\"[$KWD] #,##0.000\"");
    }

    @Test
    void referencesCountColumnsInLetters() {
        assertThat(ReportXlsx.reference(0, 1)).isEqualTo("A1");
        assertThat(ReportXlsx.reference(25, 2)).isEqualTo("Z2");
        assertThat(ReportXlsx.reference(26, 3)).isEqualTo("AA3");
        assertThat(ReportXlsx.reference(701, 4)).isEqualTo("ZZ4");
        assertThat(ReportXlsx.reference(702, 5)).isEqualTo("AAA5");
    }
}

package io.scrapline.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder;

/** The PDF form of a report, read back by PDFBox as a reader would, and its cross-reference table checked by hand. */
class ReportPdfTest {

    @Test
    void showsTheTablesWithTheReportsFigures() throws IOException {
        byte[] pdf = ReportPdf.of(SampleReports.threeCodes());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Scrap and rework cost – P1 2026-10");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Scrap and rework cost",
                    "Plant P1 Plant one · period 2026-10 · USD · open, version 1", "Total cost (USD) 1,300.00",
                    "Scrap cost (USD) 1,250.50", "Rework cost (USD) 49.50", "Events not yet costed 1",
                    "L1 WC1 1,000.00 0.00 1,000.00 1", "L2 WC3 0.00 49.50 49.50 1",
                    "1 MACH-01 " + SampleReports.MACH_DESCRIPTION + " 1,000.00 76.92 % 76.92 % yes",
                    "2 WELD-02 " + SampleReports.WELD_DESCRIPTION + " 250.50 19.27 % 96.19 % yes",
                    "3 PAINT-03 Paint run 49.50 3.81 % 100.00 % no", "internal_failure 1,300.00",
                    "Prior period total (USD) 1,000.00", "Change to the prior period 30.00 %", "Budget (USD) 1,500.00",
                    "Variance to the budget -13.33 %", "page 1 of " + pages);
            assertThat(text).contains("PART-1 0010 2 3 1 40.00 2", "Variance value (USD) 27.50",
                    "A 1 MACH-01 " + SampleReports.MACH_DESCRIPTION + " 1 2 1,000.00 900.00 yes",
                    "Total cost (USD) 5,500.00", "2026-10-05 600.00 0.00 0.00", "MACH-01 3 2 in_progress 2, none 1");
        }
    }

    @Test
    void aLongParetoGoesOnOverMorePagesWithItsHeadingsRepeated() throws IOException {
        byte[] pdf = ReportPdf.of(SampleReports.manyCodes(120));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).contains("page " + page + " of " + pages);
                // A page that goes on with the Pareto (its rows have shares in percent) repeats its headings.
                if (page > 1 && text.contains("Defect number") && text.contains(" %")) {
                    assertThat(text).contains("Rank Defect code Description Cost (USD) Share Cumulative share");
                }
            }
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("1 D-001 Defect number 1 120.00", "120 D-120 Defect number 120 1.00");
        }
    }

    @Test
    void aLongDescriptionIsCutSoTheFiguresStayOnThePage() throws IOException {
        Report report = ReportBuilder.build("P1", "Plant one", "2026-10", "USD", "controller",
                List.of(new ReportBuilder.Sum("L1", "WC1", "MACH-01", "Bore oversize ".repeat(20), "scrap",
                        "internal_failure", new BigDecimal("1000.00"), BigDecimal.ONE, 1, "A", BigDecimal.ZERO,
                        BigDecimal.ZERO)),
                0, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.80"), null);

        try (PDDocument document = Loader.loadPDF(ReportPdf.of(report))) {
            String text = new PDFTextStripper().getText(document);
            String row = text.lines().filter(line -> line.startsWith("1 MACH-01 Bore oversize")).findFirst()
                    .orElseThrow();
            assertThat(row).endsWith("... 1,000.00 100.00 % 100.00 % yes").hasSizeLessThan(200);
            assertThat(text).contains("Budget (USD) –");
        }
    }

    @Test
    void aPeriodWithoutCostSaysSoUnderEachTable() throws IOException {
        Report empty = ReportBuilder.build("P1", "Plant one", "2027-01", "USD", "controller", List.of(), 0,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.80"), null);

        try (PDDocument document = Loader.loadPDF(ReportPdf.of(empty))) {
            String text = new PDFTextStripper().getText(document);
            // by line, Pareto, cost of quality, by shift and defect codes by shift
            assertThat(text.split("None in this period\\.", -1)).hasSize(6);
            assertThat(text).contains("Total cost (USD) 0.00");
        }
    }

    @Test
    void theCrossReferenceTablePointsAtEachObject() {
        byte[] pdf = ReportPdf.of(SampleReports.manyCodes(120));
        String file = new String(pdf, StandardCharsets.ISO_8859_1);

        assertThat(file).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(file);
        assertThat(startxref.find()).isTrue();
        int xref = Integer.parseInt(startxref.group(1));
        assertThat(file.substring(xref)).startsWith("xref\n0 ");
        Matcher header = Pattern.compile("xref\n0 (\\d+)\n").matcher(file.substring(xref));
        assertThat(header.find()).isTrue();
        int objects = Integer.parseInt(header.group(1));
        String[] entries = file.substring(xref + header.end()).split("\r\n");
        assertThat(entries[0]).isEqualTo("0000000000 65535 f");
        for (int object = 1; object < objects; object++) {
            assertThat(entries[object]).matches("\\d{10} 00000 n");
            int offset = Integer.parseInt(entries[object].substring(0, 10));
            assertThat(file.substring(offset)).as("object " + object).startsWith(object + " 0 obj\n");
        }
        assertThat(file).contains("trailer\n<< /Size " + objects + " /Root 1 0 R");
    }

    @Test
    void writesTextOutsideAsciiInWinAnsiAndEscapesStringDelimiters() {
        assertThat(PdfDocument.string("a (b) \\ c")).isEqualTo("(a \\(b\\) \\\\ c)");
        assertThat(PdfDocument.winAnsi("é€–中")).containsExactly(0xe9 - 256, 0x80 - 256, 0x96 - 256, '?');
    }

    @Test
    void measuresTextWithTheFontsOwnWidths() {
        // Helvetica: '1' 556, '.' 278; Helvetica-Bold: 'W' 944, 'i' 278 (Adobe's metrics), at 10 pt
        assertThat(PdfDocument.Font.REGULAR.width("1.1", 10)).isEqualTo(13.9f);
        assertThat(PdfDocument.Font.BOLD.width("Wi", 10)).isEqualTo(12.22f);
        assertThat(PdfDocument.Font.REGULAR.width("~", 1000)).isEqualTo(584);
    }
}

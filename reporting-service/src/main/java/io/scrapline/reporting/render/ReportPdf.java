package io.scrapline.reporting.render;

import java.util.List;

import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.PdfDocument.Font;

/**
 * A report as a PDF to print or file: the title, then each table of {@link ReportTables} under its heading, numbers
 * aligned right, continued on a new page (headings repeated) when a page is full, and each page footed with the report
 * and its page number.
 */
public final class ReportPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final float MARGIN = 48;
    private static final float TOP = PdfDocument.PAGE_HEIGHT - MARGIN;
    private static final float BOTTOM = 64;
    private static final float WIDTH = PdfDocument.PAGE_WIDTH - 2 * MARGIN;
    private static final float SIZE = 8.5f;
    private static final float ROW = 13;
    private static final float PAD = 4;
    /** A description is cut rather than let one column push the figures off the page. */
    private static final float MIN_TEXT_COLUMN = 60;

    private static final String HEADING = "Scrap and rework cost";

    private final PdfDocument pdf;
    private float y;

    private ReportPdf(String title) {
        pdf = new PdfDocument(title);
        pdf.newPage();
        y = TOP;
    }

    public static byte[] of(Report report) {
        return of(HEADING, ReportTables.title(report), ReportTables.subtitle(report), ReportTables.of(report));
    }

    /** A document of {@code tables} under {@code heading} and {@code subtitle}; {@code title} heads each page. */
    public static byte[] of(String heading, String title, String subtitle, List<ReportTables.Table> tables) {
        ReportPdf writer = new ReportPdf(title);
        writer.heading(heading, subtitle);
        for (ReportTables.Table table : tables) {
            writer.table(table);
        }
        writer.footers(title);
        return writer.pdf.toBytes();
    }

    private void heading(String heading, String subtitle) {
        pdf.text(Font.BOLD, 16, MARGIN, y - 16, heading);
        pdf.text(Font.REGULAR, 11, MARGIN, y - 34, subtitle);
        y -= 52;
    }

    private void table(ReportTables.Table table) {
        Columns columns = Columns.of(table);
        // A title with its headings and a first row, or none of them, at the foot of a page.
        if (y - 18 - 2 * ROW < BOTTOM) {
            newPage();
        }
        pdf.text(Font.BOLD, 11, MARGIN, y - 11, table.title());
        y -= 18;
        headings(table, columns);
        if (table.rows().isEmpty()) {
            pdf.text(Font.REGULAR, SIZE, MARGIN + PAD, y - 9.5f, "None in this period.");
            y -= ROW;
        }
        for (List<ReportTables.Cell> row : table.rows()) {
            if (y - ROW < BOTTOM) {
                pdf.rule(MARGIN, y, MARGIN + columns.width(), y, 0.5f);
                newPage();
                headings(table, columns);
            }
            cells(row.stream().map(ReportTables.Cell::display).toList(), columns, Font.REGULAR);
        }
        pdf.rule(MARGIN, y, MARGIN + columns.width(), y, 0.5f);
        y -= 16;
    }

    private void headings(ReportTables.Table table, Columns columns) {
        pdf.shade(MARGIN, y - ROW, columns.width(), ROW, 0.92f);
        pdf.rule(MARGIN, y, MARGIN + columns.width(), y, 0.5f);
        cells(table.headings(), columns, Font.BOLD);
        pdf.rule(MARGIN, y, MARGIN + columns.width(), y, 0.5f);
    }

    private void cells(List<String> texts, Columns columns, Font font) {
        float x = MARGIN;
        for (int column = 0; column < texts.size(); column++) {
            float width = columns.widths()[column];
            String text = fit(texts.get(column), font, width - 2 * PAD);
            float left = columns.right()[column] ? x + width - PAD - font.width(text, SIZE) : x + PAD;
            pdf.text(font, SIZE, left, y - 9.5f, text);
            x += width;
        }
        y -= ROW;
    }

    private void newPage() {
        pdf.newPage();
        y = TOP;
    }

    private void footers(String title) {
        int pages = pdf.pageCount();
        for (int page = 0; page < pages; page++) {
            pdf.text(page, Font.REGULAR, 7.5f, MARGIN, 32, title);
            String number = "page " + (page + 1) + " of " + pages;
            pdf.text(page, Font.REGULAR, 7.5f, MARGIN + WIDTH - Font.REGULAR.width(number, 7.5f), 32, number);
        }
    }

    /** A table's columns: their widths, and which are numbers, aligned right. */
    private record Columns(float[] widths, boolean[] right) {

        /** Each column as wide as its widest text; past the page width, the widest text column gives way. */
        static Columns of(ReportTables.Table table) {
            int count = table.headings().size();
            float[] widths = new float[count];
            boolean[] right = new boolean[count];
            for (int column = 0; column < count; column++) {
                right[column] = table.isNumberColumn(column);
                widths[column] = Font.BOLD.width(table.headings().get(column), SIZE);
                for (List<ReportTables.Cell> row : table.rows()) {
                    widths[column] = Math.max(widths[column], Font.REGULAR.width(row.get(column).display(), SIZE));
                }
                widths[column] += 2 * PAD;
            }
            Columns columns = new Columns(widths, right);
            float excess = columns.width() - WIDTH;
            int widest = -1;
            for (int column = 0; column < count; column++) {
                if (!right[column] && (widest < 0 || widths[column] > widths[widest])) {
                    widest = column;
                }
            }
            if (excess > 0 && widest >= 0) {
                widths[widest] = Math.max(MIN_TEXT_COLUMN, widths[widest] - excess);
            }
            return columns;
        }

        float width() {
            float sum = 0;
            for (float width : widths) {
                sum += width;
            }
            return sum;
        }
    }

    /** The text, or as much of it as fits followed by dots. */
    private static String fit(String text, Font font, float width) {
        // A column is as wide as its widest text; the tolerance keeps float rounding from cutting that text.
        if (font.width(text, SIZE) <= width + 0.01f) {
            return text;
        }
        for (int end = text.length() - 1; end > 0; end--) {
            if (font.width(text.substring(0, end) + "...", SIZE) <= width) {
                return text.substring(0, end) + "...";
            }
        }
        return "...";
    }
}

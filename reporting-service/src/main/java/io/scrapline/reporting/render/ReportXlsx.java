package io.scrapline.reporting.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.scrapline.platform.money.Money;
import io.scrapline.reporting.domain.Report;

/**
 * A report as an Office Open XML workbook (ECMA-376), written directly: one sheet per table of {@link ReportTables},
 * headings in bold, figures as numbers (money in the report's currency format, shares as percent, counts grouped), text
 * as inline strings. Text cells are never formulas, so codes and descriptions from the tenant's systems cannot run as
 * one. The smallest package a spreadsheet accepts: content types, relationships, workbook, styles and sheets.
 */
public final class ReportXlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Indexes into cellXfs of {@link #styles(String)}. */
    private static final int PLAIN = 0;
    private static final int HEADING = 1;
    private static final int MONEY = 2;
    private static final int SHARE = 3;
    private static final int COUNT = 4;

    /** Column widths in characters: wide enough for a heading, not so wide that a long description takes the sheet. */
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;

    private ReportXlsx() {
    }

    public static byte[] of(Report report) {
        return of(ReportTables.of(report), report.currency());
    }

    /** A workbook of one sheet per table, money in {@code currency}. */
    public static byte[] of(List<ReportTables.Table> tables, String currency) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", contentTypes(tables.size()));
            entry(zip, "_rels/.rels",
                    XML + "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" " + "Type=\""
                            + OFFICE_RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", workbook(tables));
            entry(zip, "xl/_rels/workbook.xml.rels", workbookRelationships(tables.size()));
            entry(zip, "xl/styles.xml", styles(currency));
            for (int i = 0; i < tables.size(); i++) {
                entry(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheet(tables.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String contentTypes(int sheets) {
        StringBuilder xml = new StringBuilder(XML)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.")
                .append("relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-")
                .append("officedocument.spreadsheetml.sheet.main+xml\"/>")
                .append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-")
                .append("officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            xml.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return xml.append("</Types>").toString();
    }

    private static String workbook(List<ReportTables.Table> tables) {
        StringBuilder xml = new StringBuilder(XML).append("<workbook xmlns=\"").append(MAIN).append("\" xmlns:r=\"")
                .append(OFFICE_RELATIONSHIPS).append("\"><sheets>");
        for (int i = 0; i < tables.size(); i++) {
            xml.append("<sheet name=\"").append(Markup.escape(tables.get(i).title())).append("\" sheetId=\"")
                    .append(i + 1).append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private static String workbookRelationships(int sheets) {
        StringBuilder xml = new StringBuilder(XML).append("<Relationships xmlns=\"").append(RELATIONSHIPS)
                .append("\">");
        for (int i = 1; i <= sheets; i++) {
            xml.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(OFFICE_RELATIONSHIPS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        return xml.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"").append(OFFICE_RELATIONSHIPS)
                .append("/styles\" Target=\"styles.xml\"/></Relationships>").toString();
    }

    /**
     * The currency's own format, [$USD] #,##0.00 (no decimals for JPY): the amounts are already rounded to the minor
     * unit, so the format shows them as they are. Shares use the built-in 0.00 % (10), counts #,##0 (3).
     */
    static String styles(String currency) {
        int minorUnits = Money.minorUnits(currency);
        String money = "[$" + currency + "] #,##0" + (minorUnits == 0 ? "" : "." + "0".repeat(minorUnits));
        return XML + "<styleSheet xmlns=\"" + MAIN + "\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"" + Markup.escape(money)
                + "\"/></numFmts>" + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"5\">" //
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"
                + "</cellStyles></styleSheet>";
    }

    /** The headings in row 1, frozen so they stay in view; the rows below. */
    static String sheet(ReportTables.Table table) {
        StringBuilder xml = new StringBuilder(XML).append("<worksheet xmlns=\"").append(MAIN).append("\">")
                .append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" ")
                .append("activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><cols>");
        for (int column = 0; column < table.headings().size(); column++) {
            int width = table.headings().get(column).length() + 2;
            for (List<ReportTables.Cell> row : table.rows()) {
                width = Math.max(width, row.get(column).display().length() + 2);
            }
            xml.append("<col min=\"").append(column + 1).append("\" max=\"").append(column + 1).append("\" width=\"")
                    .append(Math.min(Math.max(width, MIN_WIDTH), MAX_WIDTH)).append("\" customWidth=\"1\"/>");
        }
        xml.append("</cols><sheetData><row r=\"1\">");
        for (int column = 0; column < table.headings().size(); column++) {
            text(xml, reference(column, 1), HEADING, table.headings().get(column));
        }
        xml.append("</row>");
        for (int i = 0; i < table.rows().size(); i++) {
            int row = i + 2;
            xml.append("<row r=\"").append(row).append("\">");
            List<ReportTables.Cell> cells = table.rows().get(i);
            for (int column = 0; column < cells.size(); column++) {
                cell(xml, reference(column, row), cells.get(column));
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    /** A missing figure (no budget) is an empty cell, not a zero. */
    private static void cell(StringBuilder xml, String reference, ReportTables.Cell cell) {
        if (cell.value() == null) {
            return;
        }
        switch (cell.kind()) {
            case TEXT -> text(xml, reference, PLAIN, (String) cell.value());
            case FLAG -> xml.append("<c r=\"").append(reference).append("\" t=\"b\"><v>")
                    .append((Boolean) cell.value() ? 1 : 0).append("</v></c>");
            case MONEY -> number(xml, reference, MONEY, cell);
            case SHARE -> number(xml, reference, SHARE, cell);
            case COUNT -> number(xml, reference, COUNT, cell);
            case QUANTITY -> number(xml, reference, PLAIN, cell);
        }
    }

    private static void number(StringBuilder xml, String reference, int style, ReportTables.Cell cell) {
        xml.append("<c r=\"").append(reference).append("\" s=\"").append(style).append("\"><v>")
                .append(cell.number().toPlainString()).append("</v></c>");
    }

    private static void text(StringBuilder xml, String reference, int style, String text) {
        xml.append("<c r=\"").append(reference).append("\" t=\"inlineStr\"");
        if (style != PLAIN) {
            xml.append(" s=\"").append(style).append('"');
        }
        xml.append("><is><t xml:space=\"preserve\">").append(Markup.escape(text)).append("</t></is></c>");
    }

    /** A1-style: column 0 is A, 25 is Z, 26 is AA. */
    static String reference(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString() + row;
    }
}

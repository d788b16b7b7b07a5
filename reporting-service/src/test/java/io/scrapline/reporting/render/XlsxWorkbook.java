package io.scrapline.reporting.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a workbook back as a spreadsheet program would: the package's parts, the sheets the workbook names through its
 * relationships, each cell's value and the number format its style gives it. Every XML part is parsed, so a part that
 * is not well-formed fails the test.
 */
public final class XlsxWorkbook {

    /** A cell: its type ({@code n} number, {@code inlineStr}, {@code b}), its text and its number format code. */
    public record Cell(String type, String value, String format) {
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String OFFICE_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final Map<Integer, String> BUILT_IN_FORMATS = Map.of(0, "General", 3, "#,##0", 10, "0.00%");

    private final Map<String, byte[]> parts;
    private final Map<String, List<List<Cell>>> sheets = new LinkedHashMap<>();

    private XlsxWorkbook(Map<String, byte[]> parts) {
        this.parts = parts;
        List<String> formats = formats(xml("xl/styles.xml"));
        Map<String, String> targets = new HashMap<>();
        NodeList relationships = xml("xl/_rels/workbook.xml.rels").getElementsByTagName("Relationship");
        for (int i = 0; i < relationships.getLength(); i++) {
            Element relationship = (Element) relationships.item(i);
            targets.put(relationship.getAttribute("Id"), "xl/" + relationship.getAttribute("Target"));
        }
        NodeList named = xml("xl/workbook.xml").getElementsByTagNameNS(MAIN, "sheet");
        for (int i = 0; i < named.getLength(); i++) {
            Element sheet = (Element) named.item(i);
            String target = targets.get(sheet.getAttributeNS(OFFICE_RELATIONSHIPS, "id"));
            sheets.put(sheet.getAttribute("name"), rows(xml(target), formats));
        }
    }

    public static XlsxWorkbook read(byte[] file) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new XlsxWorkbook(parts);
    }

    public Map<String, byte[]> parts() {
        return parts;
    }

    public List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    /** The sheet's rows from row 1, each cell at its column's index (null where the row has none). */
    public List<List<Cell>> rows(String sheet) {
        List<List<Cell>> rows = sheets.get(sheet);
        if (rows == null) {
            throw new IllegalArgumentException("no sheet " + sheet + " in " + sheets.keySet());
        }
        return rows;
    }

    /** The cell to the right of the label in column A (null if empty): the value of a two-column table. */
    public Cell valueOf(String sheet, String label) {
        for (List<Cell> row : rows(sheet)) {
            if (row.get(0) != null && row.get(0).value().equals(label)) {
                return row.size() > 1 ? row.get(1) : null;
            }
        }
        throw new IllegalArgumentException("no row " + label + " in sheet " + sheet);
    }

    /** The cells of a column under its heading in row 1. */
    public List<Cell> column(String sheet, String heading) {
        List<List<Cell>> rows = rows(sheet);
        int index = -1;
        for (int i = 0; i < rows.get(0).size(); i++) {
            if (rows.get(0).get(i).value().equals(heading)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("no column " + heading + " in sheet " + sheet);
        }
        int column = index;
        return rows.subList(1, rows.size()).stream().map(row -> column < row.size() ? row.get(column) : null).toList();
    }

    private static List<String> formats(Document styles) {
        Map<Integer, String> custom = new HashMap<>(BUILT_IN_FORMATS);
        NodeList numFmts = styles.getElementsByTagNameNS(MAIN, "numFmt");
        for (int i = 0; i < numFmts.getLength(); i++) {
            Element format = (Element) numFmts.item(i);
            custom.put(Integer.parseInt(format.getAttribute("numFmtId")), format.getAttribute("formatCode"));
        }
        List<String> formats = new ArrayList<>();
        Element cellXfs = (Element) styles.getElementsByTagNameNS(MAIN, "cellXfs").item(0);
        NodeList xfs = cellXfs.getElementsByTagNameNS(MAIN, "xf");
        for (int i = 0; i < xfs.getLength(); i++) {
            int id = Integer.parseInt(((Element) xfs.item(i)).getAttribute("numFmtId"));
            formats.add(custom.getOrDefault(id, "numFmt " + id));
        }
        return formats;
    }

    private static List<List<Cell>> rows(Document sheet, List<String> formats) {
        List<List<Cell>> rows = new ArrayList<>();
        NodeList rowElements = sheet.getElementsByTagNameNS(MAIN, "row");
        for (int r = 0; r < rowElements.getLength(); r++) {
            Element row = (Element) rowElements.item(r);
            int number = Integer.parseInt(row.getAttribute("r"));
            while (rows.size() < number) {
                rows.add(new ArrayList<>());
            }
            List<Cell> cells = rows.get(number - 1);
            NodeList cellElements = row.getElementsByTagNameNS(MAIN, "c");
            for (int c = 0; c < cellElements.getLength(); c++) {
                Element cell = (Element) cellElements.item(c);
                int column = column(cell.getAttribute("r"));
                while (cells.size() <= column) {
                    cells.add(null);
                }
                String type = cell.getAttribute("t").isEmpty() ? "n" : cell.getAttribute("t");
                String value = type.equals("inlineStr")
                        ? cell.getElementsByTagNameNS(MAIN, "t").item(0).getTextContent()
                        : cell.getElementsByTagNameNS(MAIN, "v").item(0).getTextContent();
                int style = cell.getAttribute("s").isEmpty() ? 0 : Integer.parseInt(cell.getAttribute("s"));
                cells.set(column, new Cell(type, value, formats.get(style)));
            }
        }
        return rows;
    }

    /** The column index of an A1 reference: A is 0, AA is 26. */
    private static int column(String reference) {
        int column = 0;
        for (char c : reference.toCharArray()) {
            if (Character.isLetter(c)) {
                column = column * 26 + (c - 'A' + 1);
            }
        }
        return column - 1;
    }

    private Document xml(String part) {
        byte[] bytes = parts.get(part);
        if (bytes == null) {
            throw new IllegalArgumentException("no part " + part + " in " + parts.keySet());
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new IllegalStateException("part " + part + " is not well-formed XML", e);
        }
    }
}

package io.scrapline.reporting.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The cells of the first worksheet of an XLSX workbook (Office Open XML), as text: shared and inline strings as they
 * are, numbers as the shortest decimal that is the stored binary number (what the spreadsheet shows with enough digits:
 * a cost typed 873.60 reads as 873.6), a formula's cached result. Leading empty rows are left out, so the first row
 * with a value is the header. Reads with the JDK only; DTDs and external entities are refused.
 */
final class XlsxSheet {

    /** More than any hand-compiled report: a file that unpacks to more is refused rather than read. */
    private static final long MAX_UNPACKED = 32L * 1024 * 1024;

    private XlsxSheet() {
    }

    /**
     * @throws IllegalArgumentException
     *             for a file that is not an XLSX workbook with a worksheet
     */
    static List<List<String>> rows(byte[] body) {
        Map<String, byte[]> parts = unzip(body);
        String sheet = parts.containsKey("xl/worksheets/sheet1.xml") ? "xl/worksheets/sheet1.xml"
                : parts.keySet().stream().filter(name -> name.startsWith("xl/worksheets/sheet")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("the file is not an XLSX workbook with a "
                                + "worksheet; upload the manual report as CSV or XLSX"));
        try {
            List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? shared(parts.get("xl/sharedStrings.xml"))
                    : List.of();
            return cells(parts.get(sheet), shared);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("the worksheet of the XLSX file cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, byte[]> unzip(byte[] body) {
        Map<String, byte[]> parts = new TreeMap<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().startsWith("xl/")) {
                    continue;
                }
                byte[] part = readAtMost(zip, MAX_UNPACKED - unpacked);
                unpacked += part.length;
                parts.put(entry.getName(), part);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the file is not an XLSX workbook: " + e.getMessage());
        }
        return parts;
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new IllegalArgumentException("the XLSX file unpacks to more than " + MAX_UNPACKED / 1024 / 1024
                        + " MB; a manual report is far smaller");
            }
        }
        return out.toByteArray();
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** The shared strings, in order: each the text of all its runs. */
    private static List<String> shared(byte[] xml) throws XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader xmlReader = reader(xml);
        StringBuilder text = null;
        while (xmlReader.hasNext()) {
            int event = xmlReader.next();
            if (event == XMLStreamReader.START_ELEMENT && xmlReader.getLocalName().equals("si")) {
                text = new StringBuilder();
            } else if (event == XMLStreamReader.START_ELEMENT && xmlReader.getLocalName().equals("t") && text != null) {
                text.append(xmlReader.getElementText());
            } else if (event == XMLStreamReader.END_ELEMENT && xmlReader.getLocalName().equals("si")) {
                strings.add(text == null ? "" : text.toString());
                text = null;
            }
        }
        return strings;
    }

    /** The sheet's rows of cell texts, placed by their references (B3 is the second cell of the third row). */
    private static List<List<String>> cells(byte[] xml, List<String> shared) throws XMLStreamException {
        TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        XMLStreamReader xmlReader = reader(xml);
        String reference = null;
        String type = null;
        String value = null;
        while (xmlReader.hasNext()) {
            int event = xmlReader.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (xmlReader.getLocalName()) {
                    case "c" -> {
                        reference = xmlReader.getAttributeValue(null, "r");
                        type = xmlReader.getAttributeValue(null, "t");
                        value = null;
                    }
                    case "v" -> value = xmlReader.getElementText();
                    case "t" -> value = (value == null ? "" : value) + xmlReader.getElementText();
                    default -> {
                    }
                }
            } else if (event == XMLStreamReader.END_ELEMENT && xmlReader.getLocalName().equals("c") && reference != null
                    && value != null) {
                int[] at = position(reference);
                rows.computeIfAbsent(at[0], r -> new TreeMap<>()).put(at[1], text(type, value, shared));
            }
        }
        List<List<String>> sheet = new ArrayList<>();
        if (rows.isEmpty()) {
            return sheet;
        }
        for (int r = rows.firstKey(); r <= rows.lastKey(); r++) {
            TreeMap<Integer, String> row = rows.getOrDefault(r, new TreeMap<>());
            List<String> texts = new ArrayList<>();
            for (int c = 0; !row.isEmpty() && c <= row.lastKey(); c++) {
                texts.add(row.getOrDefault(c, ""));
            }
            sheet.add(texts);
        }
        return sheet;
    }

    private static String text(String type, String value, List<String> shared) {
        if ("s".equals(type)) {
            return shared.get(Integer.parseInt(value.strip()));
        }
        if (type == null || type.equals("n")) {
            // The stored binary number as the shortest decimal that is it: 873.6, not 873.60000000000002.
            return BigDecimal.valueOf(Double.parseDouble(value)).stripTrailingZeros().toPlainString();
        }
        return value;
    }

    /** Row and column (both from 0) of a reference such as AB12. */
    private static int[] position(String reference) {
        int column = 0;
        int i = 0;
        while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
            column = column * 26 + Character.toUpperCase(reference.charAt(i)) - 'A' + 1;
            i++;
        }
        return new int[] { Integer.parseInt(reference.substring(i)) - 1, column - 1 };
    }
}

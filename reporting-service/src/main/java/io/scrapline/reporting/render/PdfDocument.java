package io.scrapline.reporting.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * A PDF 1.4 of text and rules on A4 pages in the standard Helvetica fonts, which every reader has, so nothing is
 * embedded. Coordinates are points from the bottom left. Text is WinAnsi-encoded: Latin-1 and the common typographic
 * marks; anything else shows as '?'.
 */
final class PdfDocument {

    static final float PAGE_WIDTH = 595;
    static final float PAGE_HEIGHT = 842;

    enum Font {
        REGULAR("F1", "Helvetica", new short[] { 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,
                278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667,
                667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667,
                944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
                222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 }),
        BOLD("F2", "Helvetica-Bold", new short[] { 278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333,
                278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722,
                722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
                667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278,
                889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584 });

        final String resource;
        final String baseFont;
        /** Glyph widths in 1/1000 of the size for ' ' to '~', from the fonts' Adobe metrics. */
        private final short[] widths;

        Font(String resource, String baseFont, short[] widths) {
            this.resource = resource;
            this.baseFont = baseFont;
            this.widths = widths;
        }

        /** The width of text in points; outside ASCII, the width of a digit is near enough for layout. */
        float width(String text, float size) {
            int units = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                units += c >= ' ' && c <= '~' ? widths[c - ' '] : 556;
            }
            return units * size / 1000;
        }
    }

    private final List<StringBuilder> pages = new ArrayList<>();
    private final String title;

    PdfDocument(String title) {
        this.title = title;
    }

    void newPage() {
        pages.add(new StringBuilder());
    }

    int pageCount() {
        return pages.size();
    }

    void text(int page, Font font, float size, float x, float y, String text) {
        pages.get(page).append("BT /").append(font.resource).append(' ').append(number(size)).append(" Tf ")
                .append(number(x)).append(' ').append(number(y)).append(" Td ").append(string(text)).append(" Tj ET\n");
    }

    void text(Font font, float size, float x, float y, String text) {
        text(pages.size() - 1, font, size, x, y, text);
    }

    void rule(float x1, float y1, float x2, float y2, float width) {
        pages.get(pages.size() - 1).append(number(width)).append(" w ").append(number(x1)).append(' ')
                .append(number(y1)).append(" m ").append(number(x2)).append(' ').append(number(y2)).append(" l S\n");
    }

    /** A filled rectangle in a gray from 0 (black) to 1 (white), behind what is drawn after it. */
    void shade(float x, float y, float width, float height, float gray) {
        pages.get(pages.size() - 1).append(number(gray)).append(" g ").append(number(x)).append(' ').append(number(y))
                .append(' ').append(number(width)).append(' ').append(number(height)).append(" re f 0 g\n");
    }

    /**
     * The file: catalog, page tree, the two fonts and the document information, then each page and its compressed
     * content, and the cross-reference table with each object's byte offset.
     */
    byte[] toBytes() {
        List<byte[]> objects = new ArrayList<>();
        int firstPage = 6;
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            kids.append(firstPage + 2 * i).append(" 0 R ");
        }
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pages.size() + " >>"));
        objects.add(ascii(font(Font.REGULAR)));
        objects.add(ascii(font(Font.BOLD)));
        objects.add(ascii("<< /Title " + textString(title) + " /Producer (Scrapline) >>"));
        for (int i = 0; i < pages.size(); i++) {
            objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(PAGE_WIDTH) + " "
                    + number(PAGE_HEIGHT) + "] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents "
                    + (firstPage + 2 * i + 1) + " 0 R >>"));
            objects.add(stream(winAnsi(pages.get(i).toString())));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The comment of bytes above 127 tells transfer programs that the file is binary.
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, ascii((i + 1) + " 0 obj\n"));
            write(out, objects.get(i));
            write(out, ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 ").append(objects.size() + 1).append('\n')
                .append("0000000000 65535 f\r\n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n\r\n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 5 0 R >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        write(out, ascii(table.toString()));
        return out.toByteArray();
    }

    private static String font(Font font) {
        return "<< /Type /Font /Subtype /Type1 /BaseFont /" + font.baseFont + " /Encoding /WinAnsiEncoding >>";
    }

    private static byte[] stream(byte[] content) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
            deflater.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, ascii("<< /Length " + compressed.size() + " /Filter /FlateDecode >>\nstream\n"));
        write(out, compressed.toByteArray());
        write(out, ascii("\nendstream"));
        return out.toByteArray();
    }

    /** A literal string of the content stream: backslash, parentheses escaped; control characters as spaces. */
    static String string(String text) {
        StringBuilder literal = new StringBuilder("(");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '(' || c == ')') {
                literal.append('\\').append(c);
            } else {
                literal.append(c < ' ' ? ' ' : c);
            }
        }
        return literal.append(')').toString();
    }

    /** The document title as UTF-16 with its byte order mark, so any plant name shows in the reader's title bar. */
    private static String textString(String text) {
        StringBuilder hex = new StringBuilder("<FEFF");
        for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(String.format("%02X", b & 0xff));
        }
        return hex.append('>').toString();
    }

    /** WinAnsiEncoding: Latin-1 as it is, plus the typographic marks of 0x80-0x9F that reports use. */
    static byte[] winAnsi(String content) {
        byte[] bytes = new byte[content.length()];
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            bytes[i] = (byte) switch (c) {
                case '€' -> 0x80;
                case '…' -> 0x85;
                case '‘' -> 0x91;
                case '’' -> 0x92;
                case '“' -> 0x93;
                case '”' -> 0x94;
                case '•' -> 0x95;
                case '–' -> 0x96;
                case '—' -> 0x97;
                case '−' -> '-';
                default -> c <= 0xff && (c < 0x80 || c >= 0xa0) ? c : '?';
            };
        }
        return bytes;
    }

    /** Points with at most two decimals, never an exponent, whatever the default locale. */
    private static String number(float value) {
        return new BigDecimal(Float.toString(value)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }
}

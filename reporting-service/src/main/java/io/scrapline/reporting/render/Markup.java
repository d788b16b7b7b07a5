package io.scrapline.reporting.render;

/** Text for XML, HTML and SVG: descriptions and codes come from the tenant's source systems and are never markup. */
final class Markup {

    private Markup() {
    }

    /**
     * Escapes the characters that open markup or end an attribute, and drops control characters that XML 1.0 does not
     * allow at all (a spreadsheet refuses a file that has one).
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}

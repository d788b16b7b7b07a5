package io.scrapline.platform.input;

import java.math.BigDecimal;

/**
 * The limits every Scrapline service applies to its input, in one place so that the API guide and the checks agree:
 * names and codes have a pattern and a length, text has a length and no control characters, decimals fit the
 * {@code numeric(18,6)} columns they are stored in.
 */
public final class InputRules {

    /**
     * A code or identifier (plant, line, work center, part, defect code, rule, audience, source, connector): 1 to 64
     * letters, digits, {@code .}, {@code _}, {@code -} or {@code /}, starting with a letter or digit.
     */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    public static final String CODE_RULE = "must be 1-64 letters, digits, '.', '_', '-' or '/', starting with a letter or digit";
    public static final int CODE_MAX = 64;

    /** Longest name (of a plant, of a member of an audience) and longest code of a source system. */
    public static final int NAME_MAX = 200;

    /** Longest free text (a name, a description, a reason, a corrective action). */
    public static final int TEXT_MAX = 2000;

    /** Longest value of a path or query parameter. */
    public static final int PARAMETER_MAX = 256;

    /** Digits before the decimal point of a stored decimal: {@code numeric(18,6)} keeps 12. */
    public static final int INTEGER_DIGITS = 12;
    /** Digits after the decimal point of a {@code numeric(18,6)} column; more would be rounded away silently. */
    public static final int FRACTION_DIGITS = 6;
    /** Digits after the decimal point of a decimal in a JSON body (FX rates need more than 6). */
    public static final int JSON_FRACTION_DIGITS = 12;

    private InputRules() {
    }

    /**
     * Why {@code text} is not acceptable text, or null: a NUL or other control character (tab, line feed and carriage
     * return are allowed), a lone surrogate, or the replacement character left by a body that was not UTF-8.
     */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain NUL characters";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return "must not contain control characters";
            }
            if (c == '\uFFFD') {
                return "must be valid UTF-8";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid UTF-8 (a lone surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid UTF-8 (a lone surrogate)";
            }
        }
        return null;
    }

    /** Why {@code number} does not fit a {@code numeric(18,6)} column, or null. */
    public static String decimalProblem(BigDecimal number) {
        return decimalProblem(number, FRACTION_DIGITS);
    }

    /** Why {@code number} has more than 12 digits before or {@code fractionDigits} after the point, or null. */
    public static String decimalProblem(BigDecimal number, int fractionDigits) {
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > INTEGER_DIGITS) {
            return "must have at most " + INTEGER_DIGITS + " digits before the decimal point";
        }
        if (stripped.scale() > fractionDigits) {
            return "must have at most " + fractionDigits + " digits after the decimal point";
        }
        return null;
    }
}

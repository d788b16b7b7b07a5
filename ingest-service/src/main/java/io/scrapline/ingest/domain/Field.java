package io.scrapline.ingest.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import io.scrapline.platform.input.InputConfig;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.period.FiscalCalendar;

/** One field of a record type: its name, whether it is required, and how its text is read and checked. */
public record Field(String name, boolean required, Kind kind, List<String> allowed) {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /** Longest text of a field; the codes of the source systems are far shorter. */
    public static final int MAX_TEXT = 200;

    public enum Kind {
        TEXT, CODE, POSITIVE_DECIMAL, NON_NEGATIVE_DECIMAL, FRACTION, INSTANT, DATE, BOOLEAN, CURRENCY, CHOICE,
        /** A decimal of either sign, such as a ledger amount, where a reversal is negative. */
        DECIMAL,
        /** An accounting period, a calendar month YYYY-MM or a fiscal period YYYY-Pnn. */
        PERIOD
    }

    /** The column that stores the field: the field's name, with {@code _id} for plant, line and work center. */
    public String column() {
        return switch (name) {
            case "plant", "line", "work_center" -> name + "_id";
            default -> name;
        };
    }

    /** The SQL type the field's text is cast to when it is stored. */
    public String sqlType() {
        return switch (kind) {
            case TEXT, CODE, CHOICE, CURRENCY, PERIOD -> "text";
            case POSITIVE_DECIMAL, NON_NEGATIVE_DECIMAL, FRACTION, DECIMAL -> "numeric";
            case INSTANT -> "timestamptz";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
        };
    }

    public static Field required(String name, Kind kind) {
        return new Field(name, true, kind, List.of());
    }

    public static Field optional(String name, Kind kind) {
        return new Field(name, false, kind, List.of());
    }

    public static Field choice(String name, boolean required, String... allowed) {
        return new Field(name, required, Kind.CHOICE, List.of(allowed));
    }

    /**
     * Reads the field's text into its value: {@code String}, {@code BigDecimal}, {@code OffsetDateTime},
     * {@code LocalDate} or {@code Boolean}.
     *
     * @throws IllegalArgumentException
     *             with the message the caller shows the sender
     */
    public Object read(String text) {
        return read(text, InputConfig.Years.DEFAULT);
    }

    /**
     * Reads the field's text as {@link #read(String)} does, with dates and instants limited to {@code years}: a year
     * such as +300000 would be stored as {@code infinity} and stop the costing of every tenant.
     *
     * @throws IllegalArgumentException
     *             with the message the caller shows the sender
     */
    public Object read(String text, InputConfig.Years years) {
        String problem = InputRules.textProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String value = text.strip();
        return switch (kind) {
            case TEXT -> {
                if (value.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield value;
            }
            case CODE -> {
                if (!isCode(value)) {
                    throw new IllegalArgumentException(InputRules.CODE_RULE);
                }
                yield value;
            }
            case POSITIVE_DECIMAL -> {
                BigDecimal number = decimal(value);
                if (number.signum() <= 0) {
                    throw new IllegalArgumentException("must be > 0");
                }
                yield number;
            }
            case NON_NEGATIVE_DECIMAL -> {
                BigDecimal number = decimal(value);
                if (number.signum() < 0) {
                    throw new IllegalArgumentException("must be >= 0");
                }
                yield number;
            }
            case DECIMAL -> decimal(value);
            case PERIOD -> {
                if (!FiscalCalendar.isPeriod(value)) {
                    throw new IllegalArgumentException("must be a period YYYY-MM or YYYY-Pnn");
                }
                yield value;
            }
            case FRACTION -> {
                BigDecimal number = decimal(value);
                if (number.signum() < 0 || number.compareTo(BigDecimal.ONE) >= 0) {
                    throw new IllegalArgumentException("must be a fraction from 0 up to but not including 1");
                }
                yield number;
            }
            case INSTANT -> {
                OffsetDateTime instant;
                try {
                    instant = instant(value);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(
                            "must be an ISO-8601 date-time with offset, e.g. 2026-10-14T09:30:00-04:00");
                }
                yield inYears(instant, instant.getYear(), years);
            }
            case DATE -> {
                LocalDate date;
                try {
                    date = LocalDate.parse(value);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("must be a date YYYY-MM-DD");
                }
                yield inYears(date, date.getYear(), years);
            }
            case BOOLEAN -> switch (value.toLowerCase()) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException("must be true or false");
            };
            case CURRENCY -> {
                try {
                    if (!CURRENCY_CODE.matcher(value).matches()) {
                        throw new IllegalArgumentException();
                    }
                    yield Currency.getInstance(value).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("must be an ISO 4217 currency code such as USD");
                }
            }
            case CHOICE -> {
                if (!allowed.contains(value)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
                }
                yield value;
            }
        };
    }

    /**
     * An ISO-8601 date-time with offset. The everyday form {@code 2026-10-14T09:30:00[.fff]-04:00} (or {@code Z}) is
     * read digit by digit, several times faster than the general parser, which reads every other form.
     */
    static OffsetDateTime instant(String value) {
        int length = value.length();
        if (length < 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return OffsetDateTime.parse(value);
        }
        int at = 19;
        int nanos = 0;
        if (value.charAt(at) == '.') {
            int digits = 0;
            while (++at < length && Character.isDigit(value.charAt(at)) && digits < 9) {
                nanos = nanos * 10 + value.charAt(at) - '0';
                digits++;
            }
            if (digits == 0 || (at < length && Character.isDigit(value.charAt(at)))) {
                return OffsetDateTime.parse(value);
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        char sign = at < length ? value.charAt(at) : ' ';
        if (sign == 'Z' && at + 1 == length) {
            offset = ZoneOffset.UTC;
        } else if ((sign == '+' || sign == '-') && at + 6 == length && value.charAt(at + 3) == ':') {
            int seconds = (digits(value, at + 1, 2) * 60 + digits(value, at + 4, 2)) * 60;
            offset = ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
        } else {
            return OffsetDateTime.parse(value);
        }
        return OffsetDateTime.of(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2), digits(value, 11, 2),
                digits(value, 14, 2), digits(value, 17, 2), nanos, offset);
    }

    private static int digits(String value, int from, int count) {
        int number = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit: " + c);
            }
            number = number * 10 + c - '0';
        }
        return number;
    }

    private static <T> T inYears(T value, int year, InputConfig.Years years) {
        String problem = years.problem(year);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    /**
     * Whether {@code value} is a code ({@link InputRules#CODE}): checked a character at a time, as every row has
     * several, where the pattern would cost as much as the rest of the row's checks.
     */
    static boolean isCode(String value) {
        int length = value.length();
        if (length == 0 || length > 64 || !isAsciiLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '/' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} is a plain decimal: an optional sign, digits, and a point with digits after it. */
    static boolean isPlainDecimal(String value) {
        int length = value.length();
        int at = length > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
        int digits = at;
        while (at < length && isDigit(value.charAt(at))) {
            at++;
        }
        if (at == digits) {
            return false;
        }
        if (at == length) {
            return true;
        }
        if (value.charAt(at) != '.' || at + 1 == length) {
            return false;
        }
        for (at++; at < length; at++) {
            if (!isDigit(value.charAt(at))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A plain decimal that fits the {@code numeric(18,6)} columns the record types store decimals in. */
    private static BigDecimal decimal(String value) {
        if (!isPlainDecimal(value)) {
            throw new IllegalArgumentException("must be a decimal number such as 12.5");
        }
        BigDecimal number = new BigDecimal(value);
        String problem = InputRules.decimalProblem(number);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return number;
    }
}

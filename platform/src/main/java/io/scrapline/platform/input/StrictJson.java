package io.scrapline.platform.input;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * Checks every string and decimal of every JSON body as it is read, so that no endpoint has to remember to: a NUL or
 * other control character, or a lone surrogate, is refused (PostgreSQL cannot store a NUL and answered 500); a decimal
 * with more than 12 digits before the point or 12 after it (such as {@code 1e400}) is refused rather than stored; a
 * date or instant outside the configured years is refused. Both are answered 422 with the field and row by
 * {@code ProblemMappers}.
 */
public final class StrictJson extends SimpleModule {

    public StrictJson(InputConfig.Years years) {
        super("scrapline-strict-json");
        addDeserializer(String.class, new Text());
        addDeserializer(JsonNode.class, new Tree());
        addDeserializer(BigDecimal.class, new Decimal());
        addDeserializer(LocalDate.class, new InYears<>(LocalDateDeserializer.INSTANCE, years, LocalDate::getYear));
        addDeserializer(OffsetDateTime.class,
                new InYears<>(InstantDeserializer.OFFSET_DATE_TIME, years, OffsetDateTime::getYear));
        addDeserializer(Instant.class,
                new InYears<>(InstantDeserializer.INSTANT, years, i -> i.atOffset(ZoneOffset.UTC).getYear()));
    }

    /** A value that JSON can carry but Scrapline refuses; the message is shown to the sender with the field. */
    public static final class BadValueException extends com.fasterxml.jackson.databind.exc.MismatchedInputException {

        private final String reason;
        private final String inner;

        BadValueException(JsonParser parser, String reason) {
            this(parser, reason, "");
        }

        BadValueException(JsonParser parser, String reason, String inner) {
            super(parser, reason);
            this.reason = reason;
            this.inner = inner;
        }

        public String reason() {
            return reason;
        }

        /** Where inside a free-form JSON value the bad value is, such as {@code .auth.client_id}; empty if not. */
        public String inner() {
            return inner;
        }
    }

    static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String problem = text == null ? null : InputRules.textProblem(text);
            if (problem != null) {
                throw new BadValueException(parser, problem);
            }
            return text;
        }
    }

    /** A date or instant of the configured years; {@code +300000-01-01} would be stored as {@code infinity}. */
    static final class InYears<T> extends StdDeserializer<T> {

        private final JsonDeserializer<T> delegate;
        private final InputConfig.Years years;
        private final ToIntFunction<T> year;

        @SuppressWarnings("unchecked")
        InYears(JsonDeserializer<T> delegate, InputConfig.Years years, ToIntFunction<T> year) {
            super((Class<T>) delegate.handledType());
            this.delegate = delegate;
            this.years = years;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = delegate.deserialize(parser, context);
            String problem = value == null ? null : years.problem(year.applyAsInt(value));
            if (problem != null) {
                throw new BadValueException(parser, problem);
            }
            return value;
        }
    }

    /** A free-form JSON value (a connector's settings): every name and string in it checked as text. */
    static final class Tree extends StdDeserializer<JsonNode> {

        Tree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            check(parser, node, "");
            return node;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return NullNode.getInstance();
        }

        private static void check(JsonParser parser, JsonNode node, String path) throws BadValueException {
            if (node.isTextual()) {
                String problem = InputRules.textProblem(node.textValue());
                if (problem != null) {
                    throw new BadValueException(parser, problem, path);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String problem = InputRules.textProblem(field.getKey());
                    if (problem != null) {
                        throw new BadValueException(parser, "names " + problem, path);
                    }
                    check(parser, field.getValue(), path + "." + field.getKey());
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    check(parser, node.get(i), path + "[" + i + "]");
                }
            } else if (node.isBigDecimal()) {
                String problem = InputRules.decimalProblem(node.decimalValue(), InputRules.JSON_FRACTION_DIGITS);
                if (problem != null) {
                    throw new BadValueException(parser, problem, path);
                }
            }
        }
    }

    static final class Decimal extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal number = super.deserialize(parser, context);
            String problem = number == null ? null : InputRules.decimalProblem(number, InputRules.JSON_FRACTION_DIGITS);
            if (problem != null) {
                throw new BadValueException(parser, problem);
            }
            return number;
        }
    }
}

package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The content digest is the one stored with every earlier version, so it must never change: it is compared here with
 * the digest written out the plain way, a canonical text and then SHA-256, for records of every kind of value.
 */
class ContentDigestTest {

    @Test
    void theDigestIsSha256OfTheCanonicalText() {
        for (RecordType type : RecordType.values()) {
            for (int variant = 0; variant < 4; variant++) {
                Object[] values = values(type, variant);
                assertThat(new ValidRecord(1, type, values).contentHash()).as(type + " " + variant)
                        .isEqualTo(plainDigest(type, values));
            }
        }
    }

    @Test
    void knownDigestsStayTheSame() {
        Object[] values = new Object[RecordType.LABOR_RATES.fields().size()];
        values[RecordType.LABOR_RATES.index("plant")] = "DAY1";
        values[RecordType.LABOR_RATES.index("rate")] = new BigDecimal("38.50");
        values[RecordType.LABOR_RATES.index("currency")] = "USD";
        values[RecordType.LABOR_RATES.index("effective_from")] = LocalDate.of(2026, 1, 1);
        // SHA-256 of "plant=DAY1\nrate=38.5\ncurrency=USD\neffective_from=2026-01-01\n"
        assertThat(new ValidRecord(1, RecordType.LABOR_RATES, values).contentHash()).isEqualTo(
                HexFormat.of().formatHex(sha256("plant=DAY1\nrate=38.5\ncurrency=USD\neffective_from=2026-01-01\n")));
    }

    /** Every field of {@code type} set (some left out in odd variants), texts with and without non-ASCII letters. */
    private static Object[] values(RecordType type, int variant) {
        List<Field> fields = type.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            if (variant % 2 == 1 && !fields.get(i).required() && i % 2 == 0) {
                continue;
            }
            values[i] = switch (fields.get(i).sqlType()) {
                case "numeric" -> new BigDecimal(variant == 2 ? "1200.500000" : "0.000001");
                case "timestamptz" -> OffsetDateTime
                        .parse(variant == 3 ? "2026-10-14T09:30:00.123456-04:00" : "2026-10-14T09:30:00Z");
                case "date" -> LocalDate.of(2026, 1, 1 + variant);
                case "boolean" -> variant % 2 == 0;
                default -> variant == 2 ? "Größe-" + i + "-€" : "text-" + i;
            };
        }
        return values;
    }

    private static String plainDigest(RecordType type, Object[] values) {
        StringBuilder canonical = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value != null) {
                String text = value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
                        : value.toString();
                canonical.append(type.fields().get(i).name()).append('=').append(text).append('\n');
            }
        }
        return HexFormat.of().formatHex(sha256(canonical.toString()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.scrapline.costing.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An exchange rate: 1 unit of {@code from} is {@code rate} units of {@code to}, for a period and a kind. */
public record FxRate(String from, String to, String period, BigDecimal rate, String kind) {

    /** A rate as stored, with when it was last written. */
    public record Stored(String from, String to, String period, BigDecimal rate, String kind,
            OffsetDateTime updatedAt) {
    }
}

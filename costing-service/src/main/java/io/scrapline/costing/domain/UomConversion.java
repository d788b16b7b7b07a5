package io.scrapline.costing.domain;

import java.time.OffsetDateTime;

/** A part's unit factor as stored, with when it was last written. */
public record UomConversion(String part, UnitConversion.Factor factor, OffsetDateTime updatedAt) {
}

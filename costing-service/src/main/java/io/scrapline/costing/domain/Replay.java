package io.scrapline.costing.domain;

/**
 * The record version a costed event values (a defect record, or a rework-labor record without one) and exactly the
 * inputs it was costed from, to replay its arithmetic.
 */
public record Replay(DefectRecord record, LaborRecord laborRecord, ReferenceData reference) {
}

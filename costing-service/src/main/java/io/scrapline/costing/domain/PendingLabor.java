package io.scrapline.costing.domain;

/**
 * A rework-labor record that no current event values yet, and whether its hours belong to a defect record (then that
 * record's costing values them).
 */
public record PendingLabor(LaborRecord record, boolean matched) {
}

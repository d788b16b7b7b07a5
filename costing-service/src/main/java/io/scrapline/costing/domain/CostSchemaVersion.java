package io.scrapline.costing.domain;

import java.time.OffsetDateTime;

/** A stored version of the tenant's cost schema: its settings and where it is in its lifecycle. */
public record CostSchemaVersion(CostSchema schema, String status, String createdBy, OffsetDateTime createdAt,
        String approvedBy, OffsetDateTime approvedAt, OffsetDateTime supersededAt) {
}

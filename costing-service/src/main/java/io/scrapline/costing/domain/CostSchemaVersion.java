package io.scrapline.costing.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored version of the tenant's cost schema: its settings and where it is in its lifecycle, with the owners'
 * approvals it has. {@code approvedBy} and {@code approvedAt} name the approval that completed the sign-off.
 */
public record CostSchemaVersion(CostSchema schema, String status, String createdBy, OffsetDateTime createdAt,
        String approvedBy, OffsetDateTime approvedAt, OffsetDateTime supersededAt,
        List<SchemaApproval.Given> approvals) {

    public CostSchemaVersion {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    public CostSchemaVersion withApprovals(List<SchemaApproval.Given> given) {
        return new CostSchemaVersion(schema, status, createdBy, createdAt, approvedBy, approvedAt, supersededAt, given);
    }
}

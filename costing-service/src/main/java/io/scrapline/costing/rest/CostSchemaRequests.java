package io.scrapline.costing.rest;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.costing.domain.CostSchema;
import io.scrapline.costing.domain.CostSchemaVersion;

/** Request and response bodies of the cost-schema endpoints. */
@RegisterForReflection(targets = { CostSchemaRequests.Draft.class, CostSchemaRequests.Version.class,
        CostSchemaRequests.Approval.class })
public final class CostSchemaRequests {

    private CostSchemaRequests() {
    }

    /**
     * The settings of a new draft, each optional (the model's default when left out). Text rather than typed fields, so
     * the service names every bad field at once; decimals are strings like money, though numbers are accepted.
     */
    public record Draft(String scrapMethod, String plannedScrapConvention, String rounding, String laborBurden,
            String fxPolicy, String vitalFewThreshold, String defectCatalogVersion, String includeScrapInCompletions) {
    }

    /** One owner's approval of a version. */
    public record Approval(String role, String approvedBy, OffsetDateTime approvedAt) {
    }

    /**
     * One version with its settings and lifecycle; {@code approvedBy} and {@code approvedAt} name the approval that
     * approved it, {@code approvals} every owner's.
     */
    public record Version(int version, String status, String scrapMethod, String plannedScrapConvention,
            String rounding, String laborBurden, String fxPolicy, String vitalFewThreshold, String defectCatalogVersion,
            boolean includeScrapInCompletions, String createdBy, OffsetDateTime createdAt, String approvedBy,
            OffsetDateTime approvedAt, OffsetDateTime supersededAt, List<Approval> approvals) {

        static Version of(CostSchemaVersion stored) {
            CostSchema schema = stored.schema();
            return new Version(schema.version(), stored.status(), CostSchema.name(schema.scrapMethod()),
                    schema.plannedScrapConvention(), CostSchema.name(schema.rounding()),
                    schema.laborBurden().toPlainString(), schema.fxPolicy(), schema.vitalFewThreshold().toPlainString(),
                    schema.defectCatalogVersion(), schema.includeScrapInCompletions(), stored.createdBy(),
                    stored.createdAt(), stored.approvedBy(), stored.approvedAt(), stored.supersededAt(),
                    stored.approvals().stream()
                            .map(given -> new Approval(given.role(), given.approvedBy(), given.approvedAt())).toList());
        }
    }
}

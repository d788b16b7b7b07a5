package io.scrapline.reporting.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.reporting.rest.PeriodResponses.ReportVersion;
import io.scrapline.reporting.service.PeriodCloseService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/reports/{plant}/{period}/versions")
@Tag(name = "Reports")
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
public class ReportVersionResource {

    private final PeriodCloseService periods;
    private final Caller caller;

    public ReportVersionResource(PeriodCloseService periods, Caller caller) {
        this.periods = periods;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The stored versions of a closed period's report", description = "Oldest first: who "
            + "stored each version and when, its total cost, and for each restatement its differences to the "
            + "version before. Empty while the period is open. `GET /api/v1/reports/{plant}/{period}?version=n` "
            + "gives version n in full.")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ReportVersion.class), examples = @ExampleObject(name = "versions", value = """
            [{"plant": "DAY1", "period": "2026-10", "version": 1, "created_at": "2026-11-01T04:00:02Z",
              "created_by": "schedule", "currency": "USD", "total_cost": "1056.98", "differences": null},
             {"plant": "DAY1", "period": "2026-10", "version": 2, "created_at": "2026-11-09T14:12:40Z",
              "created_by": "controller@example.com", "currency": "USD", "total_cost": "1156.98",
              "differences": {"from_version": 1, "totals": [{"figure": "total_cost", "previous": "1056.98",
                "current": "1156.98", "difference": "100.00"}], "by_line": [], "by_defect_code": [], "coq": []}}]""")))
    @APIResponse(responseCode = "403", description = "A token limited to lines: versions compare whole plants")
    @APIResponse(responseCode = "404", description = "No such plant for this tenant")
    public Uni<List<ReportVersion>> versions(@PathParam("plant") String plant,
            @PathParam("period") @Pattern(regexp = ReportResource.PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period) {
        return periods.versions(caller.tenant(), caller.scope(), plant, period)
                .map(versions -> versions.stream().map(ReportVersion::of).toList());
    }
}

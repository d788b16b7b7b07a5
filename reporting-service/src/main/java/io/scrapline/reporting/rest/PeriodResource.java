package io.scrapline.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.scrapline.reporting.rest.PeriodResponses.PeriodClose;
import io.scrapline.reporting.rest.PeriodResponses.ReportVersion;
import io.scrapline.reporting.service.PeriodCloseService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/periods/{plant}/{period}")
@Tag(name = "Periods", description = "Closing a plant's period and restating a closed one")
@RolesAllowed(Roles.CONTROLLER)
@Produces(MediaType.APPLICATION_JSON)
public class PeriodResource {

    private static final String PROBLEM = "application/problem+json";

    private final PeriodCloseService periods;
    private final Caller caller;

    public PeriodResource(PeriodCloseService periods, Caller caller) {
        this.periods = periods;
        this.caller = caller;
    }

    @POST
    @Path("close")
    @Operation(summary = "Close a period", description = "Freezes the plant-period's report: the whole plant's "
            + "report is stored as version 1 and the report endpoint answers `status: closed` from it from then on; "
            + "events costed later land in the plant's open period. The period must have ended in the plant's time "
            + "zone. The close is a job that any replica may run; it normally runs at once (200), else it is queued "
            + "or running elsewhere (202; ask again to see it closed). Periods also close on schedule, at the first "
            + "midnight after their last day.")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PeriodClose.class), examples = @ExampleObject(name = "closed", value = """
            {"plant": "DAY1", "period": "2026-10", "status": "closed", "version": 1,
             "closed_at": "2026-11-01T04:00:02.113Z", "closed_by": "controller@example.com"}""")))
    @APIResponse(responseCode = "202", description = "Queued or running on another replica", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PeriodClose.class), examples = @ExampleObject(name = "queued", value = """
            {"plant": "DAY1", "period": "2026-10", "status": "queued", "attempts": 0}""")))
    @APIResponse(responseCode = "404", description = "No such plant for this tenant")
    @APIResponse(responseCode = "409", description = "Closed already: restate it instead", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A period of the other calendar, or one that has not ended", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PeriodClose>> close(@PathParam("plant") String plant,
            @PathParam("period") @Pattern(regexp = ReportResource.PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period) {
        return periods.close(caller.tenant(), caller.scope(), caller.name(), plant, period)
                .map(close -> RestResponse.status(
                        close.status().equals("closed") ? Response.Status.OK : Response.Status.ACCEPTED,
                        PeriodClose.of(close)));
    }

    @POST
    @Path("restate")
    @Operation(summary = "Restate a closed period", description = "Stores version n + 1 of the closed period's "
            + "report from the current rollups of that period, with its differences to version n: every total, and "
            + "each line and work center, defect code and cost-of-quality class whose cost moved (current − "
            + "previous). The report endpoint answers the new version from then on.")
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportVersion.class), examples = @ExampleObject(name = "version 2", value = """
            {"plant": "DAY1", "period": "2026-10", "version": 2, "created_at": "2026-11-09T14:12:40Z",
             "created_by": "controller@example.com", "currency": "USD", "total_cost": "1156.98",
             "differences": {"from_version": 1,
               "totals": [{"figure": "scrap_cost", "previous": "1006.93", "current": "1106.93", "difference": "100.00"},
                          {"figure": "rework_cost", "previous": "50.05", "current": "50.05", "difference": "0.00"},
                          {"figure": "total_cost", "previous": "1056.98", "current": "1156.98", "difference": "100.00"},
                          {"figure": "scrap_quantity", "previous": "7", "current": "9", "difference": "2"},
                          {"figure": "events", "previous": "6", "current": "7", "difference": "1"}],
               "by_line": [{"figure": "total_cost", "line": "L1", "work_center": "WC-120", "previous": "100.00",
                            "current": "200.00", "difference": "100.00"}],
               "by_defect_code": [{"figure": "cost", "defect_code": "WELD-POR", "previous": "100.00",
                                   "current": "200.00", "difference": "100.00"}],
               "coq": [{"figure": "cost", "coq_class": "internal_failure", "previous": "1023.65",
                        "current": "1123.65", "difference": "100.00"}]}}""")))
    @APIResponse(responseCode = "404", description = "No such plant for this tenant")
    @APIResponse(responseCode = "409", description = "The period is open", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A period of the other calendar", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportVersion> restate(@PathParam("plant") String plant,
            @PathParam("period") @Pattern(regexp = ReportResource.PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period) {
        return periods.restate(caller.tenant(), caller.scope(), caller.name(), plant, period).map(ReportVersion::of);
    }
}

package io.scrapline.reporting.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import io.scrapline.platform.input.InputConfig;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportCsv;
import io.scrapline.reporting.render.ReportHtml;
import io.scrapline.reporting.render.ReportPdf;
import io.scrapline.reporting.render.ReportXlsx;
import io.scrapline.reporting.service.ReportCutService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/reports/{plant}/weeks/{week}")
@Tag(name = "Reports", description = "Scrap and rework cost of a plant and period")
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY, Roles.SUPERVISOR, Roles.SERVICE })
public class WeekReportResource {

    private final ReportCutService cuts;
    private final Caller caller;
    private final InputConfig.Years years;

    public WeekReportResource(ReportCutService cuts, Caller caller, InputConfig input) {
        this.cuts = cuts;
        this.caller = caller;
        this.years = input.years();
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, ReportXlsx.MEDIA_TYPE, ReportPdf.MEDIA_TYPE,
            ReportHtml.MEDIA_TYPE })
    @Operation(summary = "The plant's report of a week to date", description = "The report's sections for the week "
            + "(Monday to Sunday in the plant's time zone) from Monday `week` through `as_of` (a day of the week; "
            + "its Sunday when left out): the events that occurred on those days, whatever period they are booked "
            + "in, and those of its records still waiting in an open exception. `period` names the ISO week "
            + "(2026-W46) and `window` the days. `variance.prior_period_total` is the prior week's cost; a week has "
            + "no budget, scrap variance or year to date; the trend's 13 weeks end with this one. Views, `line`, "
            + "formats and roles as for the period's report.")
    @APIResponse(responseCode = "200", description = "The week's report, in the format asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class), examples = @ExampleObject(name = "week", value = """
                    {"plant": "DAY1", "plant_name": "Dayton", "period": "2026-W46", "currency": "USD",
                     "status": "open", "version": 1, "view": "controller",
                     "totals": {"scrap_cost": "655.20", "rework_cost": "0.00", "total_cost": "655.20",
                                "scrap_quantity": "3", "events": 1, "uncosted_events": 0, "uncosted_quantity": "0",
                                "recoverable_amount": "0.00", "exposure_amount": "0.00"},
                     "by_line": [{"line": "L1", "work_center": "WC-110", "scrap_cost": "655.20",
                                  "rework_cost": "0.00", "total_cost": "655.20", "events": 1,
                                  "recoverable_amount": "0.00", "exposure_amount": "0.00"}],
                     "coq": [{"coq_class": "internal_failure", "cost": "655.20"}],
                     "variance": {"prior_period_total": "600.00", "period_over_period": "0.0920"},
                     "window": {"from": "2026-11-09", "through": "2026-11-11"}}""")),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ReportXlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportPdf.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportHtml.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "403", description = "A plant or line the token does not cover")
    @APIResponse(responseCode = "404", description = "No such plant for this tenant")
    @APIResponse(responseCode = "406", description = "An `Accept` of none of the report's formats")
    @APIResponse(responseCode = "422", description = "A `week` that is no Monday, an `as_of` outside the week, a bad "
            + "view, or the supervisor view without one line")
    public Uni<Report> get(@PathParam("plant") String plant,
            @PathParam("week") @Pattern(regexp = ReportResource.DAY, message = "must be the date of a Monday YYYY-MM-DD") String week,
            @QueryParam("view") @Pattern(regexp = ReportResource.VIEW, message = ReportResource.VIEW_RULE) String view,
            @QueryParam("line") @Size(min = 1, max = 100, message = ReportResource.LINE_RULE) String line,
            @QueryParam("as_of") @Pattern(regexp = ReportResource.DAY, message = ReportResource.DAY_RULE) String asOf) {
        LocalDate monday = ReportResource.day(week, "week");
        String problem = years.problem(monday.getYear());
        if (problem != null) {
            throw new InvalidInputException("week", problem);
        }
        return cuts.week(caller.tenant(), caller.scope(), plant, monday,
                asOf == null ? null : ReportResource.day(asOf, "as_of"), view, line);
    }
}

package io.scrapline.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportCsv;
import io.scrapline.reporting.domain.ReportHtml;
import io.scrapline.reporting.domain.ReportPdf;
import io.scrapline.reporting.domain.ReportXlsx;
import io.scrapline.reporting.service.ReportService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/reports/{plant}/{period}")
@Tag(name = "Reports", description = "Scrap and rework cost of a plant and period")
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY, Roles.SUPERVISOR })
public class ReportResource {

    /** contract.md: a calendar month YYYY-MM or a fiscal period YYYY-P01..P12; which one is the plant's to say. */
    static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2]|P(0[1-9]|1[0-2]))";

    private final ReportService reports;
    private final Caller caller;

    public ReportResource(ReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    // JSON first: a client that accepts anything gets the JSON.
    @Produces({ MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, ReportXlsx.MEDIA_TYPE, ReportPdf.MEDIA_TYPE,
            ReportHtml.MEDIA_TYPE })
    @Operation(summary = "The plant's report for a period", description = "Current figures from the rollups: "
            + "totals, cost by line and work center, the Pareto of defect codes, cost-of-quality classes, the "
            + "change to the prior period and the variance to the budget. A token limited to lines sees those lines "
            + "only, against those lines' budgets. `Accept: text/csv` gives the same figures as CSV, one section per "
            + "table, each opened by its header row, with the section's name in the first column. The same figures "
            + "come as a spreadsheet (`Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, "
            + "one sheet per section, numbers as numbers), a PDF (`application/pdf`) and a self-contained HTML page "
            + "with the Pareto chart (`text/html`); any other `Accept` is 406. A closed period answers "
            + "`status: closed` and the stored figures of its latest version (`?version=n`: of version n), which "
            + "events costed after the close do not change.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "report", value = """
                    {"plant": "DAY1", "period": "2026-10", "currency": "USD", "status": "open", "version": 1,
                     "totals": {"scrap_cost": "655.20", "rework_cost": "0.00", "total_cost": "655.20",
                                "scrap_quantity": "3", "events": 1, "uncosted_events": 0},
                     "by_line": [{"line": "L1", "work_center": "WC-110", "scrap_cost": "655.20",
                                  "rework_cost": "0.00", "total_cost": "655.20"}],
                     "pareto": [{"rank": 1, "defect_code": "MACH-DIM", "description": "Dimension out of tolerance",
                                 "cost": "655.20", "share": "1.0000", "cumulative_share": "1.0000",
                                 "vital_few": true}],
                     "vital_few_threshold": "0.80",
                     "coq": [{"coq_class": "internal_failure", "cost": "655.20"}],
                     "variance": {"prior_period_total": "600.00", "period_over_period": "0.0920",
                                  "budget": "700.00", "budget_variance": "-0.0640"}}""")),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, examples = @ExampleObject(name = "csv", value = """
                    section,plant,period,currency,status,version,view,scrap_cost,rework_cost,total_cost,\
                    scrap_quantity,events,uncosted_events,uncosted_quantity
                    totals,DAY1,2026-10,USD,open,1,controller,655.20,0.00,655.20,3,1,0,0
                    section,line,work_center,scrap_cost,rework_cost,total_cost,events
                    by_line,L1,WC-110,655.20,0.00,655.20,1
                    section,rank,defect_code,description,cost,share,cumulative_share,vital_few
                    pareto,1,MACH-DIM,Dimension out of tolerance,655.20,1.0000,1.0000,true
                    section,coq_class,cost
                    coq,internal_failure,655.20
                    section,prior_period_total,period_over_period,budget,budget_variance
                    variance,600.00,0.0920,700.00,-0.0640""")), @Content(mediaType = ReportXlsx.MEDIA_TYPE),
            @Content(mediaType = ReportPdf.MEDIA_TYPE), @Content(mediaType = ReportHtml.MEDIA_TYPE) })
    @APIResponse(responseCode = "404", description = "No such plant for this tenant, or no such stored version")
    @APIResponse(responseCode = "406", description = "An `Accept` of none of the report's formats")
    @APIResponse(responseCode = "422", description = "A period that is not of the plant's calendar, or a bad view")
    public Uni<Report> get(@PathParam("plant") String plant,
            @PathParam("period") @Pattern(regexp = PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period,
            @QueryParam("view") @Pattern(regexp = "controller|quality|supervisor", message = "must be controller, quality or supervisor") String view,
            @QueryParam("line") @Size(min = 1, max = 100, message = "must be a line id") String line,
            @QueryParam("version") @Min(value = 1, message = "must be a version number from 1") Integer version) {
        return reports.report(caller, plant, period, view, line, version);
    }
}

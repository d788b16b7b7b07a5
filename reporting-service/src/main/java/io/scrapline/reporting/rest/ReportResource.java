package io.scrapline.reporting.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.render.ReportCsv;
import io.scrapline.reporting.render.ReportHtml;
import io.scrapline.reporting.render.ReportPdf;
import io.scrapline.reporting.render.ReportXlsx;
import io.scrapline.reporting.service.ReportCutService;
import io.scrapline.reporting.service.ReportService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/reports/{plant}/{period}")
@Tag(name = "Reports", description = "Scrap and rework cost of a plant and period")
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY, Roles.SUPERVISOR, Roles.SERVICE })
public class ReportResource {

    /** contract.md: a calendar month YYYY-MM or a fiscal period YYYY-P01..P12; which one is the plant's to say. */
    static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2]|P(0[1-9]|1[0-2]))";

    /** A day as a query or path parameter; {@link #day} parses it. */
    static final String DAY = "\\d{4}-\\d{2}-\\d{2}";
    static final String DAY_RULE = "must be a date YYYY-MM-DD";
    /** The views a report has besides every section, and the rules of the parameters every report takes. */
    static final String VIEW = "controller|quality|supervisor";
    static final String VIEW_RULE = "must be controller, quality or supervisor";
    static final String LINE_RULE = "must be a line id";

    private final ReportService reports;
    private final ReportCutService cuts;
    private final Caller caller;

    public ReportResource(ReportService reports, ReportCutService cuts, Caller caller) {
        this.reports = reports;
        this.cuts = cuts;
        this.caller = caller;
    }

    @GET
    // JSON first: a client that accepts anything gets the JSON.
    @Produces({ MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, ReportXlsx.MEDIA_TYPE, ReportPdf.MEDIA_TYPE,
            ReportHtml.MEDIA_TYPE })
    @Operation(summary = "The plant's report for a period", description = "Current figures from the rollups and "
            + "the other aggregates: totals (with the amounts recoverable from vendors and exposed in quarantine), "
            + "cost by line and work center, the Pareto of defect codes (rework without a defect record as one entry "
            + "without a code), cost-of-quality classes, the change to the prior period and the variance to the "
            + "budget, planned and unplanned scrap by part and operation, cost by shift with each shift's defect codes "
            + "flagged over their alert threshold, the fiscal year to date, the weekly cost of the top five defect "
            + "codes over 13 weeks and the NCRs of each Pareto code by corrective-action status. Without `view` every "
            + "section; `view=controller` money by line and class, variances and year to date; `view=quality` the "
            + "Pareto, its trend and the corrective actions; `view=supervisor` one line by shift. `line` limits the "
            + "report to a line the token covers; the supervisor view needs one line, named or the token's only one. "
            + "A token limited to lines sees those lines only, against those lines' budgets. `Accept: text/csv` gives "
            + "the same figures as CSV, one section per table, each opened by its header row, with the section's name "
            + "in the first column. The same figures come as a spreadsheet (`Accept: "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, one sheet per section, numbers as "
            + "numbers), a PDF (`application/pdf`) and a self-contained HTML page with the Pareto and trend charts "
            + "(`text/html`); any other `Accept` is 406. A closed period answers `status: closed` and the stored "
            + "figures of its latest version (`?version=n`: of version n), which events costed after the close do not "
            + "change. `as_of=YYYY-MM-DD`, a day of the period, cuts the report at the end of that day in the plant's "
            + "time zone (`window` says from and through which day): the same figures less the period's events that "
            + "occurred after it, so the cut at the period's last day is the period's report; the prior period, the "
            + "budget, the open exceptions, the scrap variances and the trend's weeks stay the whole period's. A "
            + "service token (another service's, for a distribution) reads the whole tenant; `view` and `line` pick "
            + "the recipient's view.")
    @APIResponse(responseCode = "200", description = "The report, in the format asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class), examples = @ExampleObject(name = "report", value = """
                    {"plant": "DAY1", "period": "2026-10", "currency": "USD", "status": "open", "version": 1,
                     "view": "full",
                     "totals": {"scrap_cost": "655.20", "rework_cost": "0.00", "total_cost": "655.20",
                                "scrap_quantity": "3", "events": 1, "uncosted_events": 0, "uncosted_quantity": "0",
                                "recoverable_amount": "0.00", "exposure_amount": "0.00"},
                     "by_line": [{"line": "L1", "work_center": "WC-110", "scrap_cost": "655.20",
                                  "rework_cost": "0.00", "total_cost": "655.20", "events": 1,
                                  "recoverable_amount": "0.00", "exposure_amount": "0.00"}],
                     "pareto": [{"rank": 1, "defect_code": "MACH-DIM", "description": "Dimension out of tolerance",
                                 "cost": "655.20", "share": "1.0000", "cumulative_share": "1.0000",
                                 "vital_few": true}],
                     "vital_few_threshold": "0.80",
                     "coq": [{"coq_class": "internal_failure", "cost": "655.20"}],
                     "variance": {"prior_period_total": "600.00", "period_over_period": "0.0920",
                                  "budget": "700.00", "budget_variance": "-0.0640"},
                     "scrap_variance": [{"part": "MFG-1001", "operation": "0020", "planned_quantity": "1.5",
                                         "unplanned_quantity": "2", "variance_quantity": "0.5",
                                         "variance_value": "109.20", "confirmations": 2}],
                     "scrap_variance_totals": {"planned_quantity": "1.5", "unplanned_quantity": "2",
                                               "total_quantity": "3.5", "variance_quantity": "0.5",
                                               "variance_value": "109.20"},
                     "by_shift": [{"shift": "A", "scrap_cost": "655.20", "rework_cost": "0.00",
                                   "total_cost": "655.20", "events": 1}],
                     "defects_by_shift": [{"shift": "A", "rank": 1, "defect_code": "MACH-DIM",
                                           "description": "Dimension out of tolerance", "events": 1,
                                           "quantity": "3", "cost": "655.20", "threshold": "500.00",
                                           "over_threshold": true}],
                     "year_to_date": {"first_period": "2026-01", "last_period": "2026-10",
                                      "scrap_cost": "5120.40", "rework_cost": "310.00",
                                      "total_cost": "5430.40", "events": 14,
                                      "coq": [{"coq_class": "internal_failure", "cost": "5430.40"}]},
                     "trend": {"weeks": ["2026-08-03", "2026-08-10", "2026-08-17", "2026-08-24", "2026-08-31",
                                         "2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05",
                                         "2026-10-12", "2026-10-19", "2026-10-26"],
                               "series": [{"defect_code": "MACH-DIM", "description": "Dimension out of tolerance",
                                           "costs": ["0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00",
                                                     "0.00", "0.00", "0.00", "0.00", "0.00", "655.20"],
                                           "total": "655.20"}]},
                     "corrective_actions": [{"defect_code": "MACH-DIM", "ncrs": 2, "open_ncrs": 1,
                                             "by_status": {"closed": 1, "in_progress": 1}}]}""")),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = """
                    section,plant,period,currency,status,version,view,scrap_cost,rework_cost,total_cost,\
                    scrap_quantity,events,uncosted_events,uncosted_quantity,recoverable_amount,exposure_amount
                    totals,DAY1,2026-10,USD,open,1,controller,655.20,0.00,655.20,3,1,0,0,0.00,0.00
                    section,line,work_center,scrap_cost,rework_cost,total_cost,events,recoverable_amount,\
                    exposure_amount
                    by_line,L1,WC-110,655.20,0.00,655.20,1,0.00,0.00
                    section,coq_class,cost
                    coq,internal_failure,655.20
                    section,prior_period_total,period_over_period,budget,budget_variance
                    variance,600.00,0.0920,700.00,-0.0640
                    section,part,operation,planned_quantity,unplanned_quantity,variance_quantity,variance_value,\
                    confirmations
                    scrap_variance,MFG-1001,0020,1.5,2,0.5,109.20,2
                    section,planned_quantity,unplanned_quantity,total_quantity,variance_quantity,variance_value
                    scrap_variance_totals,1.5,2,3.5,0.5,109.20
                    section,first_period,last_period,scrap_cost,rework_cost,total_cost,events
                    year_to_date,2026-01,2026-10,5120.40,310.00,5430.40,14
                    section,coq_class,cost
                    year_to_date_coq,internal_failure,5430.40""")),
            @Content(mediaType = ReportXlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportPdf.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportHtml.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "403", description = "A plant or line the token does not cover")
    @APIResponse(responseCode = "404", description = "No such plant for this tenant, or no such stored version")
    @APIResponse(responseCode = "406", description = "An `Accept` of none of the report's formats")
    @APIResponse(responseCode = "422", description = "A period that is not of the plant's calendar, a bad view, the "
            + "supervisor view without one line, or an `as_of` that is not a day of the period")
    public Uni<Report> get(@PathParam("plant") String plant,
            @PathParam("period") @Pattern(regexp = PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period,
            @QueryParam("view") @Pattern(regexp = VIEW, message = VIEW_RULE) String view,
            @QueryParam("line") @Size(min = 1, max = 100, message = LINE_RULE) String line,
            @QueryParam("version") @Min(value = 1, message = "must be a version number from 1") Integer version,
            @QueryParam("as_of") @Pattern(regexp = DAY, message = DAY_RULE) String asOf) {
        if (asOf != null) {
            return cuts.asOf(caller.tenant(), caller.scope(), plant, period, day(asOf, "as_of"), view, line, version);
        }
        return reports.report(caller.tenant(), caller.scope(), plant, period, view, line, version);
    }

    /** A parameter of the form {@link #DAY} as a date; a day no calendar has (2026-02-30) is 422 naming it. */
    static LocalDate day(String value, String parameter) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter, DAY_RULE);
        }
    }
}

package io.scrapline.reporting.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.Problem;
import io.scrapline.platform.problem.ProblemMappers;
import io.scrapline.reporting.domain.ConsolidatedReport;
import io.scrapline.reporting.service.ConsolidationService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/reports/consolidated/{period}")
@Tag(name = "Reports")
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
public class ConsolidatedReportResource {

    private static final String PROBLEM = "application/problem+json";

    private final ConsolidationService consolidation;
    private final Caller caller;

    public ConsolidatedReportResource(ConsolidationService consolidation, Caller caller) {
        this.consolidation = consolidation;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "All plants of the tenant in its reporting currency", description = "Each plant's scrap "
            + "and rework cost (its stored version if the period is closed) converted at the period's rate from "
            + "`PUT /api/v1/fx-rates` into the tenant's reporting currency: the average rate, or the closing rate if "
            + "the approved cost schema's `fx_policy` says so. Each converted amount is rounded once to the "
            + "reporting currency's minor unit (the schema's rounding, half-up by default); the totals are sums of "
            + "the plants' converted amounts. Plants that keep the other kind of period are listed under "
            + "`excluded_plants`. A token limited to plants consolidates those plants.")
    @APIResponse(responseCode = "200", description = "The consolidated report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsolidatedReport.class), examples = @ExampleObject(name = "consolidated", value = """
            {"period": "2026-10", "currency": "USD", "fx_kind": "average",
             "totals": {"scrap_cost": "1553.01", "rework_cost": "50.05", "total_cost": "1603.06"},
             "by_plant": [{"plant": "DAY1", "name": "Dayton", "status": "closed", "version": 1, "currency": "USD",
                           "scrap_cost": "1006.93", "rework_cost": "50.05", "total_cost": "1056.98", "rate": "1",
                           "converted": {"scrap_cost": "1006.93", "rework_cost": "50.05", "total_cost": "1056.98"}},
                          {"plant": "STU1", "name": "Stuttgart", "status": "open", "version": 1, "currency": "EUR",
                           "scrap_cost": "500.00", "rework_cost": "0.00", "total_cost": "500.00", "rate": "1.09216",
                           "converted": {"scrap_cost": "546.08", "rework_cost": "0.00", "total_cost": "546.08"}}],
             "coq": [{"coq_class": "internal_failure", "cost": "1569.73"},
                     {"coq_class": "external_failure", "cost": "33.33"}],
             "excluded_plants": []}""")))
    @APIResponse(responseCode = "403", description = "A token limited to lines")
    @APIResponse(responseCode = "404", description = "A tenant without plants")
    @APIResponse(responseCode = "422", description = "A rate is missing: every missing pair is named", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing rate", value = """
            {"type": "https://scrapline.io/problems/missing-fx-rate", "title": "Missing exchange rate",
             "status": 422, "detail": "no average rate for EUR→USD in period 2026-10; consolidation needs one for \
            every plant currency", "errors": [{"field": "fx_rate", "message": "EUR→USD 2026-10 average"}]}""")))
    public Uni<ConsolidatedReport> get(
            @PathParam("period") @Pattern(regexp = ReportResource.PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period) {
        return consolidation.consolidated(caller.tenant(), caller.scope(), period);
    }

    @ServerExceptionMapper
    public Response missingRates(ConsolidatedReport.MissingRates e) {
        List<FieldError> errors = e.pairs().stream()
                .map(pair -> new FieldError(null, "fx_rate", pair + " " + e.period() + " " + e.kind())).toList();
        return ProblemMappers.problem(new Problem("https://scrapline.io/problems/missing-fx-rate",
                "Missing exchange rate", 422, e.getMessage(), errors));
    }
}

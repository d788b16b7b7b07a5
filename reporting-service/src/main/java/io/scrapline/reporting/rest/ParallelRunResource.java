package io.scrapline.reporting.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.scrapline.reporting.domain.ManualReport;
import io.scrapline.reporting.domain.ParallelRun;
import io.scrapline.reporting.render.ReportXlsx;
import io.scrapline.reporting.service.ParallelRunService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/parallel-runs")
@Tag(name = "Parallel runs", description = "The manually compiled report of a period against Scrapline's figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
public class ParallelRunResource {

    private static final String CSV_EXAMPLE = """
            Line,Part,Defect code,Quantity,Cost
            L1,100-4471-A,MACH-DIM,4,873.60
            L1,200-5000-B,RM-CRACK,4,206.00
            """;

    private static final String RUN = """
            {"id": 7, "plant": "DAY1", "period": "2026-10", "file_name": "scrap-october.csv", "file_format": "csv",
             "uploaded_by": "maria@acme.example", "uploaded_at": "2026-11-03T08:10:00Z",
             "compared_by": "maria@acme.example", "compared_at": "2026-11-03T08:10:00Z", "comparisons": 1,
             "currency": "USD",
             "totals": {"manual_cost": "1079.60", "scrapline_cost": "1133.60", "difference": "-54.00",
                        "manual_quantity": "8", "scrapline_quantity": "8", "keys": 2, "matching": 1, "discrepancies": 1,
                        "uncosted_events": 0},
             "by_line": [{"line": "L1", "manual_cost": "1079.60", "scrapline_cost": "1133.60", "difference": "-54.00"}],
               "discrepancies": [{"line": "L1", "part": "200-5000-B", "defect_code": "RM-CRACK", "kind": "differs",
                 "manual_quantity": "4", "scrapline_quantity": "4", "quantity_difference": "0", "manual_cost": "206.00",
                 "scrapline_cost": "260.00", "difference": "-54.00",
                 "note": "the same quantity at another cost: 51.5 per unit in the manual report, 65 costed",
                 "manual_rows": [2],
                 "events": [{"id": 4711, "source": "plex-mes", "source_id": "MES-88213", "line": "L1",
                   "part": "200-5000-B", "defect_code": "RM-CRACK", "cost_type": "scrap", "quantity": "4",
                   "unit_value": "65.000000", "amount": "260.00", "occurred_at": "2026-10-14T13:30:00Z",
                   "link": "/api/v1/costed-events/4711"}]}]}""";

    private final ParallelRunService runs;
    private final Caller caller;

    public ParallelRunResource(ParallelRunService runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @POST
    @Path("/{plant}/{period}")
    @Consumes({ "text/csv", "application/csv", ReportXlsx.MEDIA_TYPE })
    @Operation(summary = "Compare a manually compiled report with Scrapline's figures", description = "The body is "
            + "the report a quality technician compiled by hand for the plant-period: CSV (`Content-Type: text/csv`) "
            + "or the first sheet of an XLSX workbook, with a header row naming the columns line, part, defect code, "
            + "quantity and cost (any order and case; other columns are left alone; rows of the same line, part and "
            + "defect code are added up). Parts are ERP part numbers, defect codes the catalog's, costs in the "
            + "plant's currency. Every line, part and defect code on either side is compared to the cent and the "
            + "unit with the period's current costed events; each discrepancy lists the manual rows and the costed "
            + "events behind Scrapline's figure, with links to their explanations. The run is stored; a bad upload "
            + "is 422 naming every bad row and field, and nothing is stored. The whole plant: a token limited to "
            + "lines gets 403.")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "manual report", value = CSV_EXAMPLE)),
            @Content(mediaType = ReportXlsx.MEDIA_TYPE) })
    @APIResponse(responseCode = "201", description = "The stored run with its comparison", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParallelRun.class), examples = @ExampleObject(name = "run", value = RUN)))
    @APIResponse(responseCode = "403", description = "A plant outside the token's scope, or a token limited to lines", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plant for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Every bad row and field of the upload, or a period of the other kind of calendar", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> upload(@PathParam("plant") String plant,
            @PathParam("period") @Pattern(regexp = ReportResource.PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period,
            @QueryParam("file_name") @Size(max = 200, message = "must be at most 200 characters") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        String format = contentType != null && contentType.startsWith(ReportXlsx.MEDIA_TYPE) ? ManualReport.XLSX
                : ManualReport.CSV;
        return runs
                .upload(caller.tenant(), caller.scope(), caller.name(), plant, period, fileName, format,
                        body == null ? new byte[0] : body)
                .map(run -> Response.created(URI.create("/api/v1/parallel-runs/" + run.id())).entity(run).build());
    }

    @POST
    @Path("/{id}/rerun")
    @Operation(summary = "Compare a stored run again", description = "The run's uploaded rows compared with the "
            + "plant-period's costed events as they are now: after a correction in Scrapline (a mapping, a cost roll, "
            + "a record) the discrepancies it explained are gone. A corrected manual report is a new upload.")
    @APIResponse(responseCode = "200", description = "The run with its new comparison", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParallelRun.class), examples = @ExampleObject(name = "run", value = RUN)))
    @APIResponse(responseCode = "403", description = "A plant outside the token's scope, or a token limited to lines", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParallelRun> rerun(@PathParam("id") long id) {
        return runs.rerun(caller.tenant(), caller.scope(), caller.name(), id);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One parallel run with its last comparison")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParallelRun.class), examples = @ExampleObject(name = "run", value = RUN)))
    @APIResponse(responseCode = "403", description = "A plant outside the token's scope, or a token limited to lines", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such run for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParallelRun> get(@PathParam("id") long id) {
        return runs.get(caller.tenant(), caller.scope(), id);
    }

    @GET
    @Operation(summary = "The parallel runs, newest first", description = "With their totals, without the "
            + "discrepancies; of the token's plants, and of `plant` and `period` when given (at most 200).")
    @APIResponse(responseCode = "200", description = "The runs", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ParallelRun.class)))
    @APIResponse(responseCode = "403", description = "A plant outside the token's scope, or a token limited to lines", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ParallelRun>> list(@QueryParam("plant") @Size(min = 1, max = 100) String plant,
            @QueryParam("period") @Pattern(regexp = ReportResource.PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period) {
        return runs.list(caller.tenant(), caller.scope(), plant, period);
    }
}

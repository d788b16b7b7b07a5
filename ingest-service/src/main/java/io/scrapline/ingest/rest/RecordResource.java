package io.scrapline.ingest.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.domain.RecordType;
import io.scrapline.ingest.domain.RowSource;
import io.scrapline.ingest.service.IngestService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/sources/{source}/records/{type}")
@Tag(name = "Ingest", description = "Source systems send their records")
@RolesAllowed({ Roles.INGEST, Roles.ADMIN })
@Blocking
public class RecordResource {

    private static final String DEFECTS_EXAMPLE = """
            [{"source_id": "MES-20261014-0042", "plant": "DAY1", "line": "L1", "work_center": "WC-110",
              "part": "MFG-4471", "defect_code": "D-114", "quantity": 3, "disposition": "scrap",
              "occurred_at": "2026-10-14T09:30:00-04:00", "shift": "A", "operation": "0020"}]""";
    private static final String CSV_EXAMPLE = """
            source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
            MES-20261014-0042,DAY1,L1,WC-110,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020
            """;
    private static final String SUMMARY_EXAMPLE = """
            {"batch_id": "0b9f6f0e-7a38-4b8e-9a43-2f7e9f1c2d11", "type": "defects", "received": 1, "accepted": 1,
             "duplicates": 0, "updated": 0, "rejected": 0}""";

    private final IngestService ingest;
    private final Caller caller;

    public RecordResource(IngestService ingest, Caller caller) {
        this.ingest = ingest;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send records as a JSON array", description = "Types: defects, ncrs, rework-labor, "
            + "standard-costs, labor-rates, confirmations, work-orders, gl-postings. Re-sending a record with the same content is a "
            + "duplicate; with other content, an update that is costed again. The body is read as a stream.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "defects", value = DEFECTS_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Batch stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchSummary.class), examples = @ExampleObject(name = "stored", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Invalid rows, each with row, field and reason; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> postJson(@PathParam("source") String source, @PathParam("type") String type,
            @Parameter(description = "`partial` stores the valid rows and returns the rejected ones") @QueryParam("mode") @DefaultValue("all") String mode,
            @Parameter(description = "ignore columns the record type does not have", schema = @Schema(enumeration = {
                    "true", "false" })) @QueryParam("ignore_unknown") @DefaultValue("false") String ignoreUnknown,
            InputStream body) {
        return ingest(source, type, mode, ignoreUnknown, () -> RowSource.json(body));
    }

    @POST
    @Consumes({ "text/csv", "application/csv" })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send records as CSV", description = "A header row of field names in any order. "
            + "`delimiter=;` for exports that separate with semicolons.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "defects", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Batch stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchSummary.class)))
    @APIResponse(responseCode = "422", description = "Invalid rows, each with row, field and reason; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> postCsv(@PathParam("source") String source, @PathParam("type") String type,
            @QueryParam("mode") @DefaultValue("all") String mode,
            @QueryParam("ignore_unknown") @DefaultValue("false") String ignoreUnknown,
            @QueryParam("delimiter") @DefaultValue(",") String delimiter, InputStream body) {
        if (!delimiter.equals(",") && !delimiter.equals(";")) {
            throw new InvalidInputException("delimiter", "must be , or ;");
        }
        return ingest(source, type, mode, ignoreUnknown, () -> RowSource.csv(body, delimiter.charAt(0)));
    }

    private Uni<Response> ingest(String source, String typePath, String mode, String ignoreUnknown,
            Supplier<RowSource> rows) {
        RecordType type = RecordType.fromPath(typePath)
                .orElseThrow(() -> new NotFoundProblem("no record type " + typePath));
        if (!mode.equals("all") && !mode.equals("partial")) {
            throw new InvalidInputException("mode", "must be all or partial");
        }
        if (!ignoreUnknown.equals("true") && !ignoreUnknown.equals("false")) {
            throw new InvalidInputException("ignore_unknown", "must be true or false");
        }
        if (!source.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new InvalidInputException("source", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        IngestService.Submission submission = new IngestService.Submission(caller.tenant(), source, type,
                mode.equals("partial"), ignoreUnknown.equals("true"), caller.scope());
        return ingest.ingest(submission, RowSource.requireRows(rows.get())).map(summary -> Response
                .created(URI.create("/api/v1/batches/" + summary.batchId())).entity(summary).build());
    }
}

package io.scrapline.ingest.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.service.IngestService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/batches/{batch_id}")
@Tag(name = "Ingest")
@RolesAllowed({ Roles.INGEST, Roles.ADMIN })
public class BatchResource {

    private final IngestService ingest;
    private final Caller caller;

    public BatchResource(IngestService ingest, Caller caller) {
        this.ingest = ingest;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A batch and how far costing has got with it")
    @APIResponse(responseCode = "200", description = "The batch", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchSummary.class), examples = @ExampleObject(name = "costed", value = """
            {"batch_id": "0b9f6f0e-7a38-4b8e-9a43-2f7e9f1c2d11", "type": "defects", "received": 1,
             "accepted": 1, "duplicates": 0, "updated": 0, "rejected": 0,
             "costing": {"records": 1, "costed": 1, "exceptions": 0, "pending": 0}}""")))
    @APIResponse(responseCode = "404", description = "No such batch for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BatchSummary> get(@PathParam("batch_id") UUID batchId) {
        return ingest.batch(caller.tenant(), caller.scope(), batchId);
    }
}

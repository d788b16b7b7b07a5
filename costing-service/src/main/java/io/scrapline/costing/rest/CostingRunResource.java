package io.scrapline.costing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.costing.service.CostingService;
import io.scrapline.platform.api.CostingPrompt;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/costing/runs")
@Tag(name = "Costing")
@RolesAllowed(Roles.SERVICE)
public class CostingRunResource {

    private final CostingService costing;
    private final Caller caller;

    public CostingRunResource(CostingService costing, Caller caller) {
        this.costing = costing;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cost what is pending now", description = "ingest-service calls this after a batch "
            + "commits, with a service token of the batch's tenant (no user's token is accepted): a batch of defect "
            + "records is costed on its own, beside other batches; a batch of any other record type, or none named, "
            + "costs everything pending. Alert-service is prompted for the rollups that changed. It only speeds "
            + "things up, the sweep finds the same work in the database.")
    @APIResponse(responseCode = "200", description = "What this run costed: events, and records that became exceptions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostingRunResponse.class), examples = @ExampleObject(name = "run", value = """
            {"costed": 120, "exceptions": 3}""")))
    public Uni<CostingRunResponse> run(CostingPrompt prompt) {
        return costing.run(caller.tenant(), true, prompt == null ? null : prompt.batchId(),
                prompt == null ? null : prompt.recordType()).map(CostingRunResponse::of);
    }
}

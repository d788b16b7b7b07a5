package io.scrapline.costing.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public Uni<Map<String, Integer>> run(CostingPrompt prompt) {
        return costing
                .run(caller.tenant(), caller.scope(), true, prompt == null ? null : prompt.batchId(),
                        prompt == null ? null : prompt.recordType())
                .map(run -> Map.of("costed", run.costed(), "exceptions", run.exceptions()));
    }
}

package io.scrapline.ingest.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.scrapline.platform.api.CostingPrompt;
import io.smallrye.mutiny.Uni;

/** Prompts costing-service to cost what a committed batch stored. A prompt only speeds things up. */
@RegisterRestClient(configKey = "costing")
@Path("/api/v1/costing/runs")
public interface CostingClient {

    @POST
    Uni<Void> prompt(@HeaderParam("Authorization") String authorization, CostingPrompt prompt);
}

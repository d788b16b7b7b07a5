package io.scrapline.costing.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.scrapline.platform.api.AlertPrompt;
import io.smallrye.mutiny.Uni;

/** Prompts alert-service to evaluate the rules that watch rollups costing just changed. */
@RegisterRestClient(configKey = "alert")
@Path("/api/v1/alerts/evaluations")
public interface AlertClient {

    @POST
    Uni<Void> prompt(@HeaderParam("Authorization") String authorization, AlertPrompt prompt);
}

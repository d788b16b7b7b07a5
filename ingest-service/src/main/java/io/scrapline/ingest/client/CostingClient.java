package io.scrapline.ingest.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.scrapline.platform.api.CostingPrompt;
import io.scrapline.platform.identity.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/**
 * Prompts costing-service to cost what a committed batch stored, with a service token of the batch's tenant. A prompt
 * only speeds things up.
 */
@RegisterRestClient(configKey = "costing")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/costing/runs")
public interface CostingClient {

    @POST
    Uni<Void> prompt(@HeaderParam(ServiceTokenFilter.TENANT_HEADER) String tenant, CostingPrompt prompt);
}

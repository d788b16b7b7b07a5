package io.scrapline.costing.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.identity.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/**
 * Prompts alert-service, with a service token of the tenant, to evaluate the rules that watch rollups costing just
 * changed.
 */
@RegisterRestClient(configKey = "alert")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/alerts/evaluations")
public interface AlertClient {

    @POST
    Uni<Void> prompt(@HeaderParam(ServiceTokenFilter.TENANT_HEADER) String tenant, AlertPrompt prompt);
}

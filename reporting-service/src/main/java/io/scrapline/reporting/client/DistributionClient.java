package io.scrapline.reporting.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.scrapline.platform.api.DistributionPrompt;
import io.scrapline.platform.identity.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/**
 * Hands a closed period over to alert-service, with a service token of the tenant, so that its month-end subscriptions
 * are sent right after the close; alert-service's sweep finds a close whose prompt was lost.
 */
@RegisterRestClient(configKey = "alert")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/alerts/distributions/closes")
public interface DistributionClient {

    @POST
    Uni<Void> prompt(@HeaderParam(ServiceTokenFilter.TENANT_HEADER) String tenant, DistributionPrompt prompt);
}

package io.scrapline.costing.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.scrapline.platform.api.UnmappedPrompt;
import io.scrapline.platform.identity.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/**
 * Tells alert-service, with a service token of the tenant, which source parts and defect codes costing just parked
 * events of for want of a cross-reference, so that the people who keep the cross-references hear of new ones. The same
 * peer as {@link AlertClient} ({@code quarkus.rest-client.alert.url}).
 */
@RegisterRestClient(configKey = "alert")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/alerts/reference-notices/parked")
public interface ReferenceNoticeClient {

    @POST
    Uni<Void> parked(@HeaderParam(ServiceTokenFilter.TENANT_HEADER) String tenant, UnmappedPrompt prompt);
}

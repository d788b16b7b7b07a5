package io.scrapline.alert.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.scrapline.platform.identity.ServiceTokenFilter;
import io.smallrye.mutiny.Uni;

/**
 * Reads the reports a distribution sends from reporting-service, in a format ({@code Accept}) and a view, with a
 * service token of the tenant (whole-tenant: the view and line parameters pick the recipient's share).
 */
@RegisterRestClient(configKey = "reporting")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/reports/{plant}")
public interface ReportClient {

    /** The period's report: as of a day ({@code as_of}), or a stored version ({@code version}). */
    @GET
    @Path("/{period}")
    Uni<byte[]> period(@HeaderParam(ServiceTokenFilter.TENANT_HEADER) String tenant,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @PathParam("plant") String plant,
            @PathParam("period") String period, @QueryParam("view") String view, @QueryParam("line") String line,
            @QueryParam("as_of") String asOf, @QueryParam("version") Integer version);

    /** The week's report from Monday {@code week} through {@code as_of}. */
    @GET
    @Path("/weeks/{week}")
    Uni<byte[]> week(@HeaderParam(ServiceTokenFilter.TENANT_HEADER) String tenant,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @PathParam("plant") String plant,
            @PathParam("week") String week, @QueryParam("view") String view, @QueryParam("line") String line,
            @QueryParam("as_of") String asOf);
}

package io.scrapline.ingest.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.ingest.domain.SourceSecret;
import io.scrapline.ingest.domain.SourceSystem;
import io.scrapline.ingest.rest.SourceRequests.NewSource;
import io.scrapline.ingest.service.SourceService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/sources")
@Tag(name = "Source systems", description = "The systems that send records, their webhook secrets and connectors")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private static final String NEW_SOURCE_EXAMPLE = """
            {"source": "plex-mes", "description": "Plex MES, Dayton plant"}""";
    private static final String CREATED_EXAMPLE = """
            {"source": "plex-mes", "description": "Plex MES, Dayton plant", "created_at": "2026-10-14T13:30:00Z",
             "webhook_secret": "whsec_oFivYYQowaXfxR7dbRa1nBq5IK7iJMFursjPE0giBko=",
             "secret_rotated_at": "2026-10-14T13:30:00Z"}""";
    private static final String ROTATED_EXAMPLE = """
            {"source": "plex-mes", "description": "Plex MES, Dayton plant", "created_at": "2026-10-14T13:30:00Z",
             "webhook_secret": "whsec_Y4BQ9Kl7xUJ6DMFLJ30twKJdmoxDXNiWmnjgAeKqF84=",
             "secret_rotated_at": "2026-11-02T08:00:00Z", "previous_secret_expires_at": "2026-11-03T08:00:00Z"}""";
    private static final String SOURCE_EXAMPLE = """
            {"source": "plex-mes", "description": "Plex MES, Dayton plant", "created_at": "2026-10-14T13:30:00Z",
             "last_ingest_at": "2026-11-02T07:58:12Z", "has_webhook_secret": true,
             "secret_rotated_at": "2026-10-14T13:30:00Z", "previous_secret_expires_at": null,
             "connectors": [{"connector": "ncr-log", "kind": "rest", "record_type": "ncrs", "enabled": true,
                             "status": "idle", "last_run_at": "2026-11-02T07:55:00Z",
                             "last_success_at": "2026-11-02T07:55:00Z", "last_error": null,
                             "next_run_at": "2026-11-02T08:00:00Z"}]}""";

    private final SourceService sources;
    private final Caller caller;

    public SourceResource(SourceService sources, Caller caller) {
        this.sources = sources;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a source system", description = "Answers with the source's webhook secret, shown "
            + "this once: keep it in the source system to sign its webhook deliveries. Sources are also registered "
            + "on their first batch, without a secret; rotate the secret of such a source to get one.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewSource.class), examples = @ExampleObject(name = "source", value = NEW_SOURCE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown this once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceSecret.class), examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The tenant has this source already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull NewSource request) {
        return sources.create(caller.tenant(), caller.scope(), request.source(), request.description()).map(
                created -> Response.created(URI.create("/api/v1/sources/" + created.source())).entity(created).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.INGEST })
    @Operation(summary = "The tenant's source systems", description = "By name, each with whether it has a webhook "
            + "secret (never the secret) and the status of its pull connectors.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SourceSystem.class), examples = @ExampleObject(name = "sources", value = "["
            + SOURCE_EXAMPLE + "]")))
    public Uni<List<SourceSystem>> list() {
        return sources.list(caller.tenant(), caller.scope());
    }

    @GET
    @Path("/{source}")
    @RolesAllowed({ Roles.ADMIN, Roles.INGEST })
    @Operation(summary = "One source system")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceSystem.class), examples = @ExampleObject(name = "source", value = SOURCE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The tenant has no such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SourceSystem> get(@PathParam("source") String source) {
        return sources.get(caller.tenant(), caller.scope(), source);
    }

    @POST
    @Path("/{source}/webhook-secret/rotate")
    @Operation(summary = "Issue a new webhook secret", description = "Answers with the new secret, shown this once. "
            + "Deliveries signed with the secret it replaces are accepted until previous_secret_expires_at "
            + "(scrapline.ingest.webhook-secret-grace, 24 h by default), so the source can switch over.")
    @APIResponse(responseCode = "200", description = "Rotated; the new secret is shown this once", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceSecret.class), examples = @ExampleObject(name = "rotated", value = ROTATED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The tenant has no such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SourceSecret> rotate(@PathParam("source") String source) {
        return sources.rotate(caller.tenant(), caller.scope(), source);
    }
}

package io.scrapline.alert.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.alert.service.AudienceService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Audiences", description = "Who hears of alerts, and on which channels")
@Produces(MediaType.APPLICATION_JSON)
public class AudienceResource {

    private final AudienceService audiences;
    private final Caller caller;

    public AudienceResource(AudienceService audiences, Caller caller) {
        this.audiences = audiences;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/audiences/{audience}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace an audience", description = "Each member may have an email, a phone "
            + "number for SMS (E.164), a webhook (URL and format; the platform makes its signing secret), quiet hours "
            + "(warnings wait until they end; critical alerts do not) and an hourly digest of warnings. A webhook URL "
            + "new to the audience gets a secret, shown in this answer only; writing the same URL again keeps it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "quality", value = """
            {"members": [{"name": "Dana Ortiz", "role": "quality", "email": "dana.ortiz@example.com",
              "phone": "+19375550100", "quiet_hours": {"time_zone": "America/New_York", "start": "22:00",
              "end": "06:00"}},
             {"name": "Quality channel", "role": "quality", "webhook_url": "https://hooks.slack.com/services/T0/B0/x",
              "webhook_format": "slack", "digest": "hourly"}]}""")))
    @APIResponse(responseCode = "204", description = "Stored; no webhook secret was made")
    @APIResponse(responseCode = "200", description = "Stored, with the secrets made for new webhooks (shown once)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AudienceResponses.Written.class), examples = @ExampleObject(name = "secrets", value = """
            {"webhook_secrets": [{"row": 2, "name": "Quality channel",
              "webhook_url": "https://hooks.slack.com/services/T0/B0/x",
              "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}]}""")))
    @APIResponse(responseCode = "422", description = "Invalid members, each error naming its row and field")
    public Uni<Response> put(@PathParam("audience") String audience, @Valid @NotNull AudienceRequests.Audience body) {
        return audiences.put(caller.tenant(), caller.scope(), caller.name(), audience, body.input())
                .map(issued -> issued.isEmpty() ? Response.noContent().build()
                        : Response.ok(AudienceResponses.Written.of(issued)).build());
    }

    @GET
    @Path("/audiences/{audience}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "An audience's members", description = "A webhook's secret is never shown again: "
            + "webhook_secret_set says whether it has one.")
    @APIResponse(responseCode = "200", description = "The audience", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AudienceResponses.Audience.class), examples = @ExampleObject(name = "quality", value = """
            {"audience": "quality", "members": [{"name": "Dana Ortiz", "role": "quality",
              "email": "dana.ortiz@example.com", "phone": "+19375550100", "webhook_url": null,
              "webhook_format": null, "webhook_secret_set": false,
              "quiet_hours": {"time_zone": "America/New_York", "start": "22:00", "end": "06:00"},
              "digest": "off", "lines": []}]}""")))
    @APIResponse(responseCode = "404", description = "No such audience for this tenant")
    public Uni<AudienceResponses.Audience> get(@PathParam("audience") String audience) {
        return audiences.get(caller.tenant(), caller.scope(), audience)
                .map(members -> new AudienceResponses.Audience(audience,
                        members.stream().map(AudienceResponses.Member::of).toList()));
    }
}

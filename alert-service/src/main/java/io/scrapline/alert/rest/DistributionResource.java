package io.scrapline.alert.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.alert.domain.SubscriptionInput;
import io.scrapline.alert.service.DistributionService;
import io.scrapline.alert.service.SubscriptionService;
import io.scrapline.platform.api.DistributionPrompt;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.input.Code;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Distribution", description = "Reports sent to audiences daily, weekly and at month-end")
@Produces(MediaType.APPLICATION_JSON)
public class DistributionResource {

    private static final String SUBSCRIPTION = """
            {"id": "day1-controllers-daily", "audience": "controllers", "plant": "DAY1", "cadence": "daily",
             "formats": ["pdf", "html_link"], "send_at": "06:00", "weekday": null, "enabled": true,
             "created_at": "2026-11-02T14:03:11Z", "updated_at": "2026-11-02T14:03:11Z",
             "updated_by": "dana.ortiz@example.com"}""";

    private final SubscriptionService subscriptions;
    private final DistributionService distributions;
    private final Caller caller;

    public DistributionResource(SubscriptionService subscriptions, DistributionService distributions, Caller caller) {
        this.subscriptions = subscriptions;
        this.distributions = distributions;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alerts/subscriptions/{subscription}")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "Create or replace a subscription to a plant's report", description = "The audience's "
            + "members get the plant's report (`*`: every plant's, each in its own time zone) in their role's view "
            + "(controller, quality, supervisor of each of their lines, every section for any other role): `daily`, "
            + "the period to date through the day before, at `send_at` in the plant's time zone (06:00 when left "
            + "out); `weekly`, the week to date through the day before, on `weekday` (monday, so the week before, "
            + "when left out) at `send_at`; `month_end`, version 1 of a closed period right after the close (no "
            + "`send_at`). `formats`: `pdf` and `xlsx` attached, `html_link` a link to the report's page. A run that "
            + "fell due before the subscription existed is not sent. Every error is named, the fields' own first, "
            + "then what they say together and the audience or plant that does not exist. A token limited to plants "
            + "subscribes its plants only and takes over no other plant's subscription; `*` needs a token of every "
            + "plant; a token limited to lines none.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "daily", value = """
            {"audience": "controllers", "plant": "DAY1", "cadence": "daily", "formats": ["pdf", "html_link"],
             "send_at": "06:00"}""")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DistributionResponses.Subscription.class), examples = @ExampleObject(name = "subscription", value = SUBSCRIPTION)))
    @APIResponse(responseCode = "403", description = "A plant outside the token's scope")
    @APIResponse(responseCode = "422", description = "Invalid fields, or an audience or plant that does not exist")
    public Uni<DistributionResponses.Subscription> put(@PathParam("subscription") @Code String subscription,
            @Valid @NotNull DistributionRequests.Subscription body) {
        return subscriptions
                .put(caller.tenant(), caller.scope(), caller.name(), subscription,
                        new SubscriptionInput(body.audience(), body.plant(), body.cadence(), body.formats(),
                                body.sendAt(), body.weekday(), body.enabled()))
                .map(DistributionResponses.Subscription::of);
    }

    @GET
    @Path("/alerts/subscriptions/{subscription}")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "A subscription")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DistributionResponses.Subscription.class), examples = @ExampleObject(name = "subscription", value = SUBSCRIPTION)))
    @APIResponse(responseCode = "404", description = "No such subscription for this tenant, or one of a plant outside "
            + "the token's scope")
    public Uni<DistributionResponses.Subscription> get(@PathParam("subscription") @Code String subscription) {
        return subscriptions.get(caller.tenant(), caller.scope(), subscription)
                .map(DistributionResponses.Subscription::of);
    }

    @GET
    @Path("/alerts/subscriptions")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "The subscriptions the token may see, by id")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DistributionResponses.Subscription.class), examples = @ExampleObject(name = "subscriptions", value = "["
            + SUBSCRIPTION + "]")))
    public Uni<List<DistributionResponses.Subscription>> list() {
        return subscriptions.list(caller.tenant(), caller.scope())
                .map(all -> all.stream().map(DistributionResponses.Subscription::of).toList());
    }

    @DELETE
    @Path("/alerts/subscriptions/{subscription}")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "Delete a subscription", description = "Its runs not yet tried go with it; the runs that "
            + "went out stay in the distribution log.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription for this tenant, or one of a plant outside "
            + "the token's scope")
    public Uni<Void> delete(@PathParam("subscription") @Code String subscription) {
        return subscriptions.delete(caller.tenant(), caller.scope(), caller.name(), subscription);
    }

    @GET
    @Path("/alerts/distributions")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "The distribution log, newest first, paged", description = "Each run of a subscription for a "
            + "plant (`run_key` `daily:2026-11-14`, `weekly:2026-W46`, `month_end:2026-10:v1`) with the delivery "
            + "to each recipient. Filters: `subscription`, `plant`, `status` (`queued`, `running`, `done`, "
            + "`failed`), `cadence`. A token limited to plants sees its plants' runs; one limited to lines none.")
    @APIResponse(responseCode = "200", description = "A page of runs", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DistributionResponses.Run.class), examples = @ExampleObject(name = "runs", value = """
            [{"subscription": "day1-month-end", "plant": "DAY1", "run_key": "month_end:2026-10:v1",
              "cadence": "month_end", "period": "2026-10", "week_start": null, "as_of": null, "version": 1,
              "due_at": "2026-11-01T04:00:02Z", "status": "done", "attempts": 1, "last_error": null,
              "created_at": "2026-11-01T04:00:02Z", "finished_at": "2026-11-01T04:00:05Z",
              "deliveries": [{"recipient": "dana.ortiz@example.com", "name": "Dana Ortiz", "role": "controller",
                              "view": "controller", "lines": [], "formats": ["pdf", "xlsx"],
                              "status": "delivered", "attempts": 1, "status_code": null,
                              "message_id": "<5b0e6a0e-3c1d-4a63-9d43-2f4f1f1e9a10@example.com>",
                              "summary": "accepted by the SMTP server", "error_class": null,
                              "first_attempt_at": "2026-11-01T04:00:04Z",
                              "last_attempt_at": "2026-11-01T04:00:04Z"}]}]""")))
    public Uni<List<DistributionResponses.Run>> runs(@QueryParam("subscription") @Code String subscription,
            @QueryParam("plant") String plant,
            @QueryParam("status") @Pattern(regexp = "queued|running|done|failed", message = "must be queued, running, done or failed") String status,
            @QueryParam("cadence") @Pattern(regexp = "daily|weekly|month_end", message = "must be daily, weekly or month_end") String cadence,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return distributions.list(caller.tenant(), caller.scope(), subscription, plant, status, cadence, page, size)
                .map(all -> all.stream().map(DistributionResponses.Run::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alerts/distributions/closes")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Distribute a closed period", description = "reporting-service calls this right after a "
            + "close stores version 1, with a service token of the tenant (no user's token is accepted): the "
            + "month-end subscriptions of the plant (and of every plant) are queued and sending starts at once. "
            + "A later version (a restatement) queues nothing. The schedule finds a close whose prompt was lost.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "close", value = """
            {"plant": "DAY1", "period": "2026-10", "version": 1}""")))
    @APIResponse(responseCode = "200", description = "How many runs were queued", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DistributionResponses.Queued.class), examples = @ExampleObject(name = "queued", value = """
            {"queued": 2}""")))
    public Uni<DistributionResponses.Queued> closed(@Valid @NotNull DistributionPrompt prompt) {
        return distributions.closed(caller.tenant(), caller.scope(), prompt).map(DistributionResponses.Queued::new);
    }
}

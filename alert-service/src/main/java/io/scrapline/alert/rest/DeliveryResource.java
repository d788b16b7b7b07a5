package io.scrapline.alert.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.alert.service.DeliveryService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Deliveries", description = "Every alert to every recipient on every channel, each attempt, the dead "
        + "letter")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final String DELIVERY = """
            {"id": 31, "kind": "alert", "alerts": [7], "audience": "quality", "step": 1, "recipient": "Dana Ortiz",
             "role": "quality", "channel": "email", "destination": "dana.ortiz@example.com", "level": "warning",
             "status": "dead", "attempt_count": 19, "due_at": null, "last_status_code": 421,
             "last_error_class": "smtp_reply", "last_error": "SMTP 421: Service not available",
             "provider_message_id": null, "created_at": "2026-10-14T13:31:02Z",
             "finished_at": "2026-10-15T13:31:02Z", "resent_by": null, "resent_at": null, "attempts": []}""";

    private final DeliveryService deliveries;
    private final Caller caller;

    public DeliveryResource(DeliveryService deliveries, Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Path("/alerts/deliveries")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "The deliveries, newest first", description = "status: queued, running, delivered or dead "
            + "(the dead letter); alert: an alert's id; channel: email, sms or webhook. A token limited to plants sees "
            + "those plants' deliveries, one limited to lines none.")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryResponses.Delivery.class), examples = @ExampleObject(name = "dead", value = "["
            + DELIVERY + "]")))
    @APIResponse(responseCode = "422", description = "A filter that is no status or channel")
    public Uni<List<DeliveryResponses.Delivery>> list(@QueryParam("status") String status,
            @QueryParam("alert") Long alert, @QueryParam("channel") String channel,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return deliveries.list(caller.tenant(), caller.scope(), status, alert, channel, page, size)
                .map(found -> found.stream().map(DeliveryResponses.Delivery::of).toList());
    }

    @GET
    @Path("/alerts/deliveries/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "A delivery with every attempt", description = "Each attempt's result, the provider's "
            + "answer (status code, message id, error class, summary) and what became of the delivery.")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResponses.Delivery.class), examples = @ExampleObject(name = "dead", value = DELIVERY)))
    @APIResponse(responseCode = "404", description = "No such delivery for this tenant and scope")
    public Uni<DeliveryResponses.Delivery> get(@PathParam("id") long id) {
        return deliveries.get(caller.tenant(), caller.scope(), id).map(DeliveryResponses.Delivery::of);
    }

    @POST
    @Path("/alerts/deliveries/{id}/resend")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY })
    @Operation(summary = "Send a dead delivery again", description = "Queues a delivery from the dead letter, due "
            + "now, its back-off and give-up time started over; a webhook keeps its webhook-id.")
    @APIResponse(responseCode = "200", description = "Queued again", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResponses.Delivery.class)))
    @APIResponse(responseCode = "404", description = "No such delivery for this tenant and scope")
    @APIResponse(responseCode = "409", description = "The delivery is not dead")
    public Uni<DeliveryResponses.Delivery> resend(@PathParam("id") long id) {
        return deliveries.resend(caller.tenant(), caller.scope(), caller.name(), id)
                .map(DeliveryResponses.Delivery::of);
    }
}

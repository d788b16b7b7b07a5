package io.scrapline.alert.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.alert.service.AlertService;
import io.scrapline.alert.service.EscalationService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertStateResource {

    private final AlertService alerts;
    private final EscalationService escalation;
    private final Caller caller;

    public AlertStateResource(AlertService alerts, EscalationService escalation, Caller caller) {
        this.alerts = alerts;
        this.escalation = escalation;
        this.caller = caller;
    }

    @GET
    @Path("/alerts/{id: [0-9]+}")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "An alert with its deliveries and escalation", description = "The link every alert "
            + "message carries. A token limited to lines sees no alert: an alert's value is a whole plant's figure.")
    @APIResponse(responseCode = "200", description = "The alert", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResponses.AlertDetail.class), examples = @ExampleObject(name = "alert", value = """
            {"alert": {"id": 7, "rule": "mach-dim", "plant": "DAY1", "period": "2026-10", "defect_code": "MACH-DIM",
              "value": "873.60", "threshold": "500.00", "currency": "USD", "recipients": ["dana.ortiz@example.com"],
              "status": "sent", "attempts": 1, "last_error": null, "created_at": "2026-10-14T13:31:02Z",
              "sent_at": "2026-10-14T13:31:03Z"},
             "level": "warning", "acknowledged": null, "resolved": null,
             "escalation": {"policy": "quality-then-plant", "steps": 2, "next_step": 2, "status": "waiting",
              "next_at": "2026-10-14T13:46:02Z", "stopped_by": null, "last_error": null},
             "deliveries": [{"id": 31, "kind": "alert", "alerts": [7], "audience": "quality", "step": 1,
              "recipient": "Dana Ortiz", "role": "quality", "channel": "email",
              "destination": "dana.ortiz@example.com", "level": "warning", "status": "delivered",
              "attempt_count": 1, "due_at": null, "last_status_code": null, "last_error_class": null,
              "last_error": null, "provider_message_id": "<7c1d@scrapline.example.com>",
              "created_at": "2026-10-14T13:31:02Z", "finished_at": "2026-10-14T13:31:03Z", "resent_by": null,
              "resent_at": null, "attempts": []}]}""")))
    @APIResponse(responseCode = "404", description = "No such alert for this tenant and scope")
    public Uni<DeliveryResponses.AlertDetail> get(@PathParam("id") long id) {
        return alerts.state(caller.tenant(), caller.scope(), id).map(DeliveryResponses.AlertDetail::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alerts/{id}/acknowledge")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER, Roles.SUPERVISOR })
    @Operation(summary = "Acknowledge an alert", description = "Records who (the token's user), when and the "
            + "optional comment, and stops the alert's escalation. Acknowledging again changes nothing.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = """
            {"comment": "Line 2 stopped; tooling being changed"}""")))
    @APIResponse(responseCode = "204", description = "Acknowledged")
    @APIResponse(responseCode = "404", description = "No such alert for this tenant")
    public Uni<Void> acknowledge(@PathParam("id") long id, @Valid AlertRequests.Comment body) {
        return escalation.acknowledge(caller.tenant(), caller.scope(), caller.name(), id,
                body == null ? null : body.comment());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alerts/{id}/resolve")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER, Roles.SUPERVISOR })
    @Operation(summary = "Resolve an alert", description = "Records who, when and the optional comment, and stops "
            + "the alert's escalation. Resolving again changes nothing.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "comment", value = """
            {"comment": "Fixture replaced; scrap back to normal"}""")))
    @APIResponse(responseCode = "204", description = "Resolved")
    @APIResponse(responseCode = "404", description = "No such alert for this tenant")
    public Uni<Void> resolve(@PathParam("id") long id, @Valid AlertRequests.Comment body) {
        return escalation.resolve(caller.tenant(), caller.scope(), caller.name(), id,
                body == null ? null : body.comment());
    }
}

package io.scrapline.alert.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import io.scrapline.alert.domain.AlertInputs;
import io.scrapline.alert.service.AlertService;
import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Alerts", description = "Threshold rules, who hears about them, and the alert log")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService alerts;
    private final Caller caller;

    public AlertResource(AlertService alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alert-rules/{rule}")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY })
    @Operation(summary = "Create or replace a threshold rule", description = "Alerts once per rule and period "
            + "when the defect code's cost in the plant's period goes over the threshold.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rule", value = """
            {"plant": "DAY1", "defect_code": "MACH-DIM", "metric": "cost", "window": "period",
             "threshold": "500.00", "audience": "quality"}""")))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "422", description = "Invalid fields, or a plant or audience that does not exist")
    public Uni<Void> putRule(@PathParam("rule") String rule, @Valid @NotNull AlertRequests.Rule body) {
        return alerts.putRule(caller.tenant(), caller.scope(), rule, new AlertInputs.Rule(body.plant(),
                body.defectCode(), body.metric(), body.window(), body.threshold(), body.audience(), body.enabled()));
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "The alert log, newest first", description = "status: pending, sent, failed or "
            + "acknowledged; every status when left out. A token limited to lines sees none: an alert's value is a "
            + "whole plant's figure.")
    @APIResponse(responseCode = "200", description = "The alerts, at most 500", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AlertResponses.Alert.class), examples = @ExampleObject(name = "alerts", value = """
            [{"id": 7, "rule": "mach-dim", "plant": "DAY1", "period": "2026-10", "defect_code": "MACH-DIM",
              "value": "873.60", "threshold": "500.00", "currency": "USD",
              "recipients": ["dana.ortiz@example.com"], "status": "sent", "attempts": 1, "last_error": null,
              "created_at": "2026-10-14T13:31:02Z", "sent_at": "2026-10-14T13:31:03Z"}]""")))
    public Uni<List<AlertResponses.Alert>> list(@QueryParam("status") String status) {
        return alerts.list(caller.tenant(), caller.scope(), status)
                .map(all -> all.stream().map(AlertResponses.Alert::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alerts/evaluations")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Evaluate the rules that watch changed rollups", description = "costing-service calls "
            + "this after it commits, with a service token of the tenant (no user's token is accepted); the sweep "
            + "does the same from the database. sent counts the alerts raised, whose deliveries are queued and "
            + "attempted at once.")
    public Uni<Map<String, Integer>> evaluate(@Valid @NotNull AlertPrompt prompt) {
        return alerts.evaluate(caller.tenant(), caller.scope(), prompt).map(sent -> Map.of("sent", sent));
    }
}

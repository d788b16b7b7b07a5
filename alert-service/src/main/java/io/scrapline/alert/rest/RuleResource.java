package io.scrapline.alert.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import io.scrapline.alert.service.RuleService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/alert-rules")
@Tag(name = "Alerts", description = "Threshold rules, who hears about them, and the alert log")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    private static final String RULE = """
            {"id": "l2-shift-cost", "name": "Line 2 scrap per shift", "plant": "DAY1", "line": "L2",
             "work_center": null, "defect_code": null, "defect_category": null, "shift": null, "metric": "cost",
             "window": "shift", "window_hours": null,
             "thresholds": [
               {"level": "warning", "value": null, "factor": "2", "trailing_windows": 20, "audiences": ["quality"],
                "escalation_policy": null},
               {"level": "critical", "value": "2000.00", "factor": null, "trailing_windows": null,
                "audiences": ["quality-managers", "plant-managers"], "escalation_policy": "critical-scrap"}],
             "enabled": true, "updated_at": "2026-05-02T14:03:11Z", "updated_by": "dana.ortiz"}""";

    private final RuleService rules;
    private final Caller caller;

    public RuleResource(RuleService rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{rule}")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY })
    @Operation(summary = "Create or replace a threshold rule", description = "Alerts once per rule, window instance "
            + "and threshold level when the metric over the scope in the window goes over the threshold: an absolute "
            + "value, or a factor times the average of the last trailing_windows windows of the same kind and scope "
            + "that had events. v1's body (threshold, audience, window period) is one warning threshold over the "
            + "period to date. 422 names every invalid field; then each plant and audience that does not exist. "
            + "Recorded in the audit.")
    @RequestBody(content = @Content(examples = { @ExampleObject(name = "shift", value = """
            {"name": "Line 2 scrap per shift", "plant": "DAY1", "line": "L2", "metric": "cost",
             "window": "shift",
             "thresholds": [
               {"level": "warning", "factor": "2", "trailing_windows": 20, "audiences": ["quality"]},
               {"level": "critical", "value": "2000.00",
                "audiences": ["quality-managers", "plant-managers"]}]}"""), @ExampleObject(name = "v1", value = """
            {"plant": "DAY1", "defect_code": "MACH-DIM", "metric": "cost", "window": "period",
             "threshold": "500.00", "audience": "quality"}""") }))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "422", description = "Invalid fields, or a plant or audience that does not exist")
    public Uni<Void> put(@PathParam("rule") String rule, @Valid @NotNull RuleRequests.Rule body) {
        return rules.put(caller.tenant(), caller.scope(), caller.name(), rule, body.form().draft());
    }

    @GET
    @Path("/{rule}")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER, Roles.SUPERVISOR })
    @Operation(summary = "A threshold rule", description = "404 for a rule whose plant or line the token does not "
            + "cover, as for one that does not exist.")
    @APIResponse(responseCode = "200", description = "The rule", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleResponses.Rule.class), examples = @ExampleObject(name = "rule", value = RULE)))
    @APIResponse(responseCode = "404", description = "No such rule for this tenant and token")
    public Uni<RuleResponses.Rule> get(@PathParam("rule") String rule) {
        return rules.get(caller.tenant(), caller.scope(), rule).map(RuleResponses.Rule::of);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER, Roles.SUPERVISOR })
    @Operation(summary = "The threshold rules, by id", description = "Those of plant when named; only the rules whose "
            + "plant and line the token covers.")
    @APIResponse(responseCode = "200", description = "The rules", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RuleResponses.Rule.class), examples = @ExampleObject(name = "rules", value = "["
            + RULE + "]")))
    public Uni<List<RuleResponses.Rule>> list(@QueryParam("plant") String plant) {
        return rules.list(caller.tenant(), caller.scope(), plant)
                .map(all -> all.stream().map(RuleResponses.Rule::of).toList());
    }

    @DELETE
    @Path("/{rule}")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY })
    @Operation(summary = "Delete a threshold rule", description = "Its alerts stay in the log. Recorded in the audit.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such rule for this tenant and token")
    public Uni<Void> delete(@PathParam("rule") String rule) {
        return rules.delete(caller.tenant(), caller.scope(), caller.name(), rule);
    }
}

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
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.alert.service.EscalationService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.input.Code;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Escalation policies", description = "Who hears of an alert nobody acknowledges, and when")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationPolicyResource {

    private static final String POLICY = """
            {"id": "quality-then-plant", "name": "Quality, then the plant manager",
             "steps": [{"audiences": ["quality", "supervisors"], "delay_minutes": 0},
                       {"audiences": ["plant-manager"], "delay_minutes": 15}]}""";

    private final EscalationService escalation;
    private final Caller caller;

    public EscalationPolicyResource(EscalationService escalation, Caller caller) {
        this.escalation = escalation;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alerts/escalation-policies/{policy}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace an escalation policy", description = "Ordered steps, each one or more "
            + "audiences and a delay in minutes after the step before: the first step (delay 0) hears of the alert as "
            + "it opens, with the level's audiences; each later step hears of it when its delay has passed and "
            + "nobody has acknowledged or resolved it. Audiences are shared by every plant: a token limited to plants "
            + "or lines may not change a policy.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "policy", value = POLICY)))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "422", description = "Invalid steps, each error naming the step as its row")
    public Uni<Void> put(@PathParam("policy") @Code String policy, @Valid @NotNull EscalationRequests.Policy body) {
        return escalation.putPolicy(caller.tenant(), caller.scope(), caller.name(), body.domain(policy));
    }

    @GET
    @Path("/alerts/escalation-policies/{policy}")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "An escalation policy")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationRequests.StoredPolicy.class), examples = @ExampleObject(name = "policy", value = POLICY)))
    @APIResponse(responseCode = "404", description = "No such policy for this tenant")
    public Uni<EscalationRequests.StoredPolicy> get(@PathParam("policy") @Code String policy) {
        return escalation.policy(caller.tenant(), policy).map(EscalationRequests.StoredPolicy::of);
    }

    @GET
    @Path("/alerts/escalation-policies")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "Every escalation policy, by id")
    @APIResponse(responseCode = "200", description = "The policies", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EscalationRequests.StoredPolicy.class), examples = @ExampleObject(name = "policies", value = "["
            + POLICY + "]")))
    public Uni<List<EscalationRequests.StoredPolicy>> list() {
        return escalation.policies(caller.tenant())
                .map(all -> all.stream().map(EscalationRequests.StoredPolicy::of).toList());
    }

    @DELETE
    @Path("/alerts/escalation-policies/{policy}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an escalation policy", description = "Alerts escalating by it go on with its steps "
            + "as they were when they opened; a rule that names it no longer escalates.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such policy for this tenant")
    public Uni<Void> delete(@PathParam("policy") @Code String policy) {
        return escalation.deletePolicy(caller.tenant(), caller.scope(), caller.name(), policy);
    }
}

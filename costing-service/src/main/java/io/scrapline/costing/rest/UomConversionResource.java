package io.scrapline.costing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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

import io.scrapline.costing.domain.UnitConversion;
import io.scrapline.costing.rest.UomConversionRequests.Conversion;
import io.scrapline.costing.rest.UomConversionRequests.Stored;
import io.scrapline.costing.service.UomConversionService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/parts/{part}/uom-conversions")
@Tag(name = "Reference data")
public class UomConversionResource {

    private final UomConversionService conversions;
    private final Caller caller;

    public UomConversionResource(UomConversionService conversions, Caller caller) {
        this.conversions = conversions;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER })
    @Operation(summary = "Add or replace a part's unit conversion factors", description = "1 `from` of the part is "
            + "`factor` `to`. An event whose unit differs from the unit of the part's cost roll is converted with "
            + "the factor from its unit to the cost roll's, else with the inverse of the other direction (1 ÷ factor, "
            + "12 decimal places, half-up); without either it waits as a `no_uom_factor` exception, re-costed once "
            + "the factor is stored. Upserted by part, from and to; units are kept upper case. All-or-nothing; every "
            + "bad row and field is named. Tenant-wide: a token limited to plants or lines is 403.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "factors", value = """
            [{"from": "KG", "to": "EA", "factor": "2.5"}]""")))
    @APIResponse(responseCode = "204", description = "Stored; the tenant's waiting events are re-costed")
    @APIResponse(responseCode = "422", description = "Invalid rows, each with row, field and reason; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> put(@PathParam("part") @Pattern(regexp = InputRules.CODE) String part,
            @NotNull List<Conversion> body) {
        // A null row stays null, so that the service names it by its row number.
        return conversions.put(caller.tenant(), caller.scope(), part, body.stream()
                .map(c -> c == null ? null : new UnitConversion.Factor(c.from(), c.to(), c.factor())).toList());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "A part's unit conversion factors, as given")
    @APIResponse(responseCode = "200", description = "The factors", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Stored.class), examples = @ExampleObject(name = "factors", value = """
            [{"part": "100-4471-A", "from": "KG", "to": "EA", "factor": "2.5", "updated_at": "2026-11-02T08:00:00Z"}]""")))
    public Uni<List<Stored>> list(@PathParam("part") @Pattern(regexp = InputRules.CODE) String part) {
        return conversions.list(caller.tenant(), part).map(found -> found.stream()
                .map(c -> new Stored(c.part(), c.factor().from(), c.factor().to(), c.factor().factor(), c.updatedAt()))
                .toList());
    }
}

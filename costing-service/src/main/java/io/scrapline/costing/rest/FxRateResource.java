package io.scrapline.costing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

import io.scrapline.costing.rest.FxRateRequests.FxRate;
import io.scrapline.costing.rest.FxRateRequests.StoredFxRate;
import io.scrapline.costing.service.FxRateService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/fx-rates")
@Tag(name = "Reference data")
public class FxRateResource {

    private final FxRateService rates;
    private final Caller caller;

    public FxRateResource(FxRateService rates, Caller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER })
    @Operation(summary = "Add or replace exchange rates", description = "One rate per currency pair, period and kind "
            + "(`average`, the default, or `closing`): 1 unit of `from` is `rate` units of `to`. All-or-nothing; "
            + "every bad row and field is named.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rates", value = """
            [{"from": "EUR", "to": "USD", "period": "2026-10", "rate": "1.0842", "kind": "average"},
             {"from": "EUR", "to": "USD", "period": "2026-10", "rate": "1.0791", "kind": "closing"}]""")))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "422", description = "Invalid rows, each with row, field and reason; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> put(@NotNull List<FxRate> body) {
        // A null row stays null, so that the service names it by its row number.
        return rates.put(caller.tenant(), caller.scope(),
                body.stream().map(r -> r == null ? null
                        : new io.scrapline.costing.domain.FxRate(r.from(), r.to(), r.period(), r.rate(), r.kind()))
                        .toList());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "The tenant's exchange rates, of one period or all")
    @APIResponse(responseCode = "200", description = "The rates", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StoredFxRate.class), examples = @ExampleObject(name = "rates", value = """
            [{"from": "EUR", "to": "USD", "period": "2026-10", "rate": "1.0842", "kind": "average",
              "updated_at": "2026-11-02T08:00:00Z"}]""")))
    public Uni<List<StoredFxRate>> list(@QueryParam("period") String period) {
        return rates.list(caller.tenant(), period).map(stored -> stored.stream()
                .map(r -> new StoredFxRate(r.from(), r.to(), r.period(), r.rate(), r.kind(), r.updatedAt())).toList());
    }
}

package io.scrapline.costing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

import io.scrapline.costing.service.CostedEventService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Costed events", description = "Events after mapping and valuation, each with its arithmetic")
@Produces(MediaType.APPLICATION_JSON)
public class CostedEventResource {

    private static final String EVENTS = """
            [{"id": 1, "source": "plex-mes", "source_id": "MES-1", "record_version": 1, "plant": "DAY1",
              "period": "2026-10", "event_period": "2026-10", "line": "L1", "work_center": "WC-110", "shift": "A",
              "part": "100-4471-A", "defect_code": "MACH-DIM", "coq_class": "internal_failure",
              "disposition": "scrap", "cost_type": "scrap", "quantity": "3", "unit_value": "218.400000",
              "amount": "655.20", "currency": "USD", "occurred_at": "2026-10-14T06:12:00Z", "superseded": false,
              "costed_at": "2026-10-14T06:12:01Z", "schema_version": 2, "recoverable_amount": "0.00",
              "exposure_amount": "0.00", "ncr": null, "work_order": "WO-7", "scrap_action": "write_off",
              "scrap_account": "5400-SCRAP", "rework_without_defect_record": false}]""";

    private static final String EXCEPTIONS = """
            [{"id": 12, "source": "plex-mes", "source_id": "MES-9", "plant": "DAY1", "period": "2026-10",
              "quantity": "2.000000", "reason": "unmapped_part",
              "detail": "no part cross-reference for plex-mes part PX-9 on 2026-10-14", "status": "open", "created_at": "2026-10-14T06:12:01Z", "closed_at": null,
              "estimated_amount": null}]""";

    private final CostedEventService events;
    private final Caller caller;

    public CostedEventResource(CostedEventService events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    @GET
    @Path("/costed-events")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY, Roles.SUPERVISOR })
    @Operation(summary = "Costed events, current versions only, paged")
    @APIResponse(responseCode = "200", description = "A page of current events, by id", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CostedEventResponses.Event.class), examples = @ExampleObject(name = "events", value = EVENTS)))
    public Uni<List<CostedEventResponses.Event>> list(@QueryParam("plant") String plant,
            @QueryParam("period") String period, @QueryParam("line") String line,
            @QueryParam("defect_code") String defectCode, @QueryParam("part") String part,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return events.list(caller.tenant(), caller.scope(), plant, period, line, defectCode, part, page, size)
                .map(found -> found.stream().map(CostedEventResponses.Event::of).toList());
    }

    @GET
    @Path("/costed-events/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY, Roles.SUPERVISOR })
    @Operation(summary = "One costed event with its explanation", description = "The method, the cost roll in "
            + "force, every input and the arithmetic, so the amount can be recomputed to the cent; provenance names "
            + "the schema version, the NCR version, the standard-cost records of the cost roll and the labor rates "
            + "used.")
    @APIResponse(responseCode = "200", description = "The event", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CostedEventResponses.Event.class), examples = @ExampleObject(name = "scrap", value = """
            {"id": 1, "source": "plex-mes", "source_id": "MES-1", "part": "100-4471-A", "defect_code": "MACH-DIM",
             "coq_class": "internal_failure", "disposition": "scrap", "cost_type": "scrap", "quantity": "3",
             "unit_value": "218.400000", "amount": "655.20", "currency": "USD", "period": "2026-10",
             "recoverable_amount": "0.00", "exposure_amount": "0.00", "work_order": "WO-7",
             "scrap_action": "write_off", "scrap_account": "5400-SCRAP", "rework_without_defect_record": false,
             "provenance": {"schema_version": 2, "ncr_record_id": null, "cost_roll_effective_from": "2026-01-01",
               "cost_roll_lines": [{"operation": "0010", "effective_from": "2026-01-01", "record_id": 301,
                 "version": 1}, {"operation": "0020", "effective_from": "2026-01-01", "record_id": 302,
                 "version": 1}], "labor_rates": null},
             "explanation": {"valuation": {"method": "cumulative_standard",
               "arithmetic": "3 × 218.400000 = 655.200000 → 655.20 USD"}}}""")))
    @APIResponse(responseCode = "404", description = "No such event for this tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CostedEventResponses.Event> get(@PathParam("id") long id) {
        return events.get(caller.tenant(), caller.scope(), id).map(CostedEventResponses.Event::of);
    }

    @GET
    @Path("/exceptions")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "Events waiting for data, with the reason")
    @APIResponse(responseCode = "200", description = "The exceptions, oldest first, at most 1,000", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CostedEventResponses.CostingException.class), examples = @ExampleObject(name = "exceptions", value = EXCEPTIONS)))
    public Uni<List<CostedEventResponses.CostingException>> exceptions(@QueryParam("plant") String plant,
            @QueryParam("period") String period, @QueryParam("status") String status) {
        return events.exceptions(caller.tenant(), caller.scope(), plant, period, status)
                .map(found -> found.stream().map(CostedEventResponses.CostingException::of).toList());
    }
}

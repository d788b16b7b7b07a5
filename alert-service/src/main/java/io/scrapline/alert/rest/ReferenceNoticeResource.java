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

import io.scrapline.alert.domain.ReferenceNoticeInput;
import io.scrapline.alert.domain.UnmappedValue;
import io.scrapline.alert.service.ReferenceNoticeService;
import io.scrapline.platform.api.UnmappedPrompt;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/alerts/reference-notices")
@Tag(name = "Reference-data notices", description = "New source parts and defect codes no cross-reference maps, told "
        + "to the people who keep the cross-references; a daily digest of open costing exceptions")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceNoticeResource {

    private static final String SETTINGS = """
            {"audience": "master-data", "enabled": true, "digest": "daily", "send_at": "07:00",
             "time_zone": "America/Chicago", "created_at": "2026-11-02T14:03:11Z",
             "updated_at": "2026-11-02T14:03:11Z", "updated_by": "dana.ortiz@example.com"}""";
    private static final String TENANT_WIDE = "The settings are the tenant's, as the cross-references are shared by "
            + "every plant: a token limited to plants or lines is refused (403).";

    private final ReferenceNoticeService notices;
    private final Caller caller;

    public ReferenceNoticeResource(ReferenceNoticeService notices, Caller caller) {
        this.notices = notices;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Who hears of new unmapped source values, and the daily digest", description = "Each member "
            + "of `audience` with an email address (a member limited to lines gets none) gets one email per source "
            + "part or defect code costing parks events of for want of a cross-reference: the first time it is "
            + "parked, not per event, and not again while events of it stay parked; with the plants, events, quantity "
            + "and, where costing can value them, the estimated cost waiting on it. Values first parked before the "
            + "notices began are not notified one by one. `digest` `daily` adds, at `send_at` (07:00) in "
            + "`time_zone`, the open exceptions ranked by what waits on them; a day with none sends nothing. "
            + "`enabled: false` stops both. Every error is named with its field. " + TENANT_WIDE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "with a digest", value = """
            {"audience": "master-data", "digest": "daily", "send_at": "07:00", "time_zone": "America/Chicago"}""")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceNoticeResponses.Settings.class), examples = @ExampleObject(name = "settings", value = SETTINGS)))
    @APIResponse(responseCode = "403", description = "A token limited to plants or lines")
    @APIResponse(responseCode = "422", description = "Invalid fields, or an audience that does not exist, each named")
    public Uni<ReferenceNoticeResponses.Settings> put(@Valid @NotNull ReferenceNoticeRequests.Settings body) {
        return notices
                .put(caller.tenant(), caller.scope(), caller.name(), new ReferenceNoticeInput(body.audience(),
                        body.enabled(), body.digest(), body.sendAt(), body.timeZone()))
                .map(ReferenceNoticeResponses.Settings::of);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "The settings of notices of unmapped source values", description = TENANT_WIDE)
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceNoticeResponses.Settings.class), examples = @ExampleObject(name = "settings", value = SETTINGS)))
    @APIResponse(responseCode = "403", description = "A token limited to plants or lines")
    @APIResponse(responseCode = "404", description = "No settings for this tenant")
    public Uni<ReferenceNoticeResponses.Settings> get() {
        return notices.get(caller.tenant(), caller.scope()).map(ReferenceNoticeResponses.Settings::of);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stop the notices of unmapped source values", description = "Nothing more is notified, nor "
            + "sent of what is queued; the log stays. " + TENANT_WIDE)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "A token limited to plants or lines")
    @APIResponse(responseCode = "404", description = "No settings for this tenant")
    public Uni<Void> delete() {
        return notices.delete(caller.tenant(), caller.scope(), caller.name());
    }

    @GET
    @Path("/log")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
    @Operation(summary = "The notices sent, newest first, paged", description = "Each notice of an unmapped value and "
            + "each daily digest, with what its latest attempt said and the delivery to each recipient. Filters: "
            + "`kind` (`unmapped_value`, `digest`), `status` (`queued`, `running`, `done`, `failed`). A token limited "
            + "to plants sees the notices that name only its plants; one limited to lines none.")
    @APIResponse(responseCode = "200", description = "A page of notices", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ReferenceNoticeResponses.Notice.class), examples = @ExampleObject(name = "notices", value = """
            [{"id": 17, "kind": "unmapped_value", "reason": "unmapped_part", "source": "plex-mes",
              "value": "MES-4471", "digest_date": null, "plants": ["DAY1"], "events": 2, "quantity": "7",
              "note": null, "status": "done", "attempts": 1, "last_error": null,
              "due_at": "2026-11-14T14:32:05Z", "created_at": "2026-11-14T14:32:05Z",
              "finished_at": "2026-11-14T14:32:06Z", "resolved_at": null,
              "deliveries": [{"recipient": "lee.park@example.com", "name": "Lee Park", "status": "delivered",
                              "attempts": 1, "status_code": null,
                              "message_id": "<5b0e6a0e-3c1d-4a63-9d43-2f4f1f1e9a10@example.com>",
                              "summary": "accepted by the SMTP server", "error_class": null,
                              "first_attempt_at": "2026-11-14T14:32:06Z",
                              "last_attempt_at": "2026-11-14T14:32:06Z"}]}]""")))
    public Uni<List<ReferenceNoticeResponses.Notice>> log(
            @QueryParam("kind") @Pattern(regexp = "unmapped_value|digest", message = "must be unmapped_value or digest") String kind,
            @QueryParam("status") @Pattern(regexp = "queued|running|done|failed", message = "must be queued, running, done or failed") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return notices.log(caller.tenant(), caller.scope(), kind, status, page, size)
                .map(all -> all.stream().map(ReferenceNoticeResponses.Notice::of).toList());
    }

    @POST
    @Path("/parked")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Costing parked events of these unmapped source values", description = "costing-service "
            + "calls this after each commit that parked events for want of a part or defect-code cross-reference, "
            + "with a service token of the tenant (no user's token is accepted): each value without a notice open "
            + "is queued and sending starts at once. An empty `values` looks at every value parked. The schedule "
            + "finds the values of a prompt that was lost.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "parked", value = """
            {"values": [{"reason": "unmapped_part", "source": "plex-mes", "value": "MES-4471"},
                        {"reason": "unmapped_defect_code", "source": "plex-mes", "value": "D-999"}]}""")))
    @APIResponse(responseCode = "200", description = "How many notices were queued", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DistributionResponses.Queued.class), examples = @ExampleObject(name = "queued", value = """
            {"queued": 1}""")))
    public Uni<DistributionResponses.Queued> parked(@Valid @NotNull UnmappedPrompt prompt) {
        return notices
                .parked(caller.tenant(), prompt.values().stream()
                        .map(value -> new UnmappedValue(value.reason(), value.source(), value.value())).toList())
                .map(DistributionResponses.Queued::new);
    }
}

package io.scrapline.alert.rest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import io.scrapline.alert.domain.Touch;
import io.scrapline.alert.service.AlertService;
import io.scrapline.alert.service.EvaluationService;
import io.scrapline.platform.api.AlertPrompt;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Alerts", description = "Threshold rules, who hears about them, and the alert log")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService alerts;
    private final EvaluationService evaluation;
    private final Caller caller;

    public AlertResource(AlertService alerts, EvaluationService evaluation, Caller caller) {
        this.alerts = alerts;
        this.evaluation = evaluation;
        this.caller = caller;
    }

    @GET
    @Path("/alerts")
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "The alert log, newest first", description = "status: pending, sent, failed or "
            + "acknowledged; every status when left out. A token limited to lines sees the alerts of rules of its "
            + "lines only: a rule of a whole plant watches a whole plant's figure.")
    @APIResponse(responseCode = "200", description = "The alerts, at most 500", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AlertResponses.Alert.class), examples = @ExampleObject(name = "alerts", value = """
            [{"id": 7, "rule": "l2-shift-cost", "rule_name": "Line 2 scrap per shift", "level": "critical",
              "plant": "DAY1", "line": "L2", "work_center": null, "shift": "B", "period": "2026-05",
              "defect_code": null, "defect_category": null, "metric": "cost",
              "window": {"kind": "shift", "key": "shift/2026-05-14/B", "label": "B",
                         "start": "2026-05-14T14:02:00-04:00", "end": "2026-05-14T19:31:00-04:00"},
              "value": "2215.50", "threshold": "2000.00", "threshold_basis": null, "currency": "USD",
              "recipients": ["dana.ortiz@example.com", "sam.patel@example.com"],
              "audiences": ["quality-managers", "plant-managers"], "escalation_policy": null,
              "top_events": [{"id": 882, "occurred_at": "2026-05-14T18:00:00Z", "part": "100-4471-A",
                              "defect_code": "MACH-DIM", "quantity": "10", "amount": "2249.90", "ncr": "NCR-1043"}],
              "status": "sent", "attempts": 1, "last_error": null,
              "created_at": "2026-05-14T23:31:02Z", "sent_at": "2026-05-14T23:31:03Z"}]""")))
    public Uni<List<AlertResponses.Alert>> list(@QueryParam("status") String status) {
        return alerts.list(caller.tenant(), caller.scope(), status)
                .map(all -> all.stream().map(AlertResponses.Alert::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/alerts/evaluations")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Evaluate the rules that watch what costing changed", description = "costing-service calls "
            + "this after it commits, with a service token of the tenant (no user's token is accepted): the rules of "
            + "the plant whose scope the lines, work centers, shifts and defect codes named reach are evaluated in the "
            + "windows of the events' times and the booking period; a field left out reaches every rule. The sweep "
            + "evaluates every rule in the windows of now. `opened` (and `sent`, its v1 name) counts the alerts this "
            + "call opened.")
    @APIResponse(responseCode = "200", description = "The alerts this call opened", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertResponses.Evaluation.class), examples = @ExampleObject(name = "opened", value = """
            {"opened": 1, "sent": 1}""")))
    public Uni<AlertResponses.Evaluation> evaluate(@Valid @NotNull AlertPrompt prompt) {
        return evaluation.evaluate(caller.tenant(), caller.scope(), touch(prompt)).map(AlertResponses.Evaluation::of);
    }

    /** What the prompt says moved; a time range given backwards is read forwards. */
    static Touch touch(AlertPrompt prompt) {
        Instant from = prompt.occurredFrom();
        Instant to = prompt.occurredTo();
        if (from != null && to != null && from.isAfter(to)) {
            Instant earlier = to;
            to = from;
            from = earlier;
        }
        return new Touch(prompt.plant(), prompt.period(), set(prompt.lines()), set(prompt.workCenters()),
                set(prompt.shifts()), set(prompt.defectCodes()), from, to);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? null : values.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    }
}

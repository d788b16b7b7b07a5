package io.scrapline.alert.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.alert.domain.AuditQuery;
import io.scrapline.alert.service.AuditService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/alerts/audit")
@Tag(name = "Alerts", description = "Threshold rules, who hears about them, and the alert log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final AuditService audit;
    private final Caller caller;

    public AuditResource(AuditService audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.QUALITY, Roles.CONTROLLER })
    @Operation(summary = "The audit of changes to rules and audiences, newest first", description = "Filters: entity "
            + "(rule, audience, ...), entity_id, actor, from and to (ISO-8601 times, from inclusive, to exclusive); "
            + "limit (1 to 500, 50 by default) and cursor (the next_cursor of the page before). A token limited to "
            + "plants reads the entries of its plants only, one limited to lines those of its lines.")
    @APIResponse(responseCode = "200", description = "A page of entries", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditResponses.Page.class), examples = @ExampleObject(name = "page", value = """
            {"entries": [{"id": 42, "entity": "rule", "entity_id": "mach-dim", "action": "updated",
                          "actor": "dana.ortiz", "at": "2026-05-02T14:03:11Z",
                          "before": {"id": "mach-dim", "plant": "DAY1", "metric": "cost", "window": "period_to_date",
                                     "thresholds": [{"level": "warning", "value": "500.00",
                                                     "audiences": ["quality"]}], "enabled": true},
                          "after": {"id": "mach-dim", "plant": "DAY1", "metric": "cost", "window": "period_to_date",
                                    "thresholds": [{"level": "warning", "value": "750.00",
                                                    "audiences": ["quality"]}], "enabled": true}}],
             "next_cursor": "42"}""")))
    @APIResponse(responseCode = "422", description = "A filter, limit or cursor that is not valid, each named")
    public Uni<AuditResponses.Page> list(@QueryParam("entity") String entity, @QueryParam("entity_id") String entityId,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        List<FieldError> problems = new ArrayList<>();
        OffsetDateTime fromTime = time(from, "from", problems);
        OffsetDateTime toTime = time(to, "to", problems);
        Long size = number(limit, "limit", 1, MAX_LIMIT, problems);
        Long before = number(cursor, "cursor", 1, Long.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the query is invalid", problems);
        }
        AuditQuery query = new AuditQuery(entity, entityId, actor, fromTime, toTime,
                size == null ? DEFAULT_LIMIT : size.intValue(), before);
        return audit.page(caller.tenant(), caller.scope(), query).map(AuditResponses.Page::of);
    }

    private static OffsetDateTime time(String text, String field, List<FieldError> problems) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(null, field, "must be an ISO-8601 time with an offset"));
            return null;
        }
    }

    private static Long number(String text, String field, long min, long max, List<FieldError> problems) {
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below with the range
        }
        problems.add(new FieldError(null, field, field.equals("cursor") ? "must be a next_cursor of this endpoint"
                : "must be a whole number from " + min + " to " + max));
        return null;
    }
}

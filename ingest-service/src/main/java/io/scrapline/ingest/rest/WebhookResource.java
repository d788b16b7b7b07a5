package io.scrapline.ingest.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.scrapline.ingest.domain.BatchSummary;
import io.scrapline.ingest.service.WebhookService;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/sources/{source}/events")
@Tag(name = "Ingest")
@RolesAllowed({ Roles.INGEST, Roles.ADMIN })
public class WebhookResource {

    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    private static final String EVENT_EXAMPLE = """
            {"specversion": "1.0", "id": "ncr-2026-0117-created", "source": "/qms/dayton",
             "type": "nonconformance_report.created", "time": "2026-10-14T13:42:00Z",
             "datacontenttype": "application/json",
             "data": {"source_id": "NCR-2026-0117", "plant": "DAY1", "status": "open",
                      "opened_at": "2026-10-14T09:42:00-04:00", "disposition": "rework", "defect_code": "D-114",
                      "part": "MFG-4471", "quantity": 3}}""";
    private static final String SUMMARY_EXAMPLE = """
            {"batch_id": "5f1d7c0a-2b8e-4f55-9b1c-6a0e2d3c4b59", "type": "ncrs", "received": 1, "accepted": 1,
             "duplicates": 0, "updated": 0, "rejected": 0}""";
    private static final String UNVERIFIED_EXAMPLE = """
            {"type": "https://scrapline.io/problems/webhook-unverified", "title": "Webhook signature not verified",
             "status": 401,
             "detail": "the webhook-signature does not match the body under the source's webhook secret"}""";
    private static final String REPLAYED_EXAMPLE = """
            {"type": "https://scrapline.io/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "webhook-id msg_2Kx9fQ7 was already delivered for source qms-dayton"}""";
    private static final String INVALID_EXAMPLE = """
            {"type": "https://scrapline.io/problems/invalid-input", "title": "Invalid input", "status": 422,
             "detail": "1 of 1 rows are invalid; nothing of this batch was stored",
             "errors": [{"row": 1, "field": "status", "message": "must be one of open, closed"}]}""";

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    /** The body is taken as bytes: the signature covers it exactly as sent, before any parsing. */
    @POST
    @Consumes({ CLOUDEVENTS_JSON, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send one record as a signed CloudEvent", description = """
            One CloudEvents 1.0 event in structured JSON mode whose `data` is one record. The event type decides the \
            record type: `defect.recorded`, `defect.updated` → defects; `nonconformance_report.created`, \
            `nonconformance_report.updated` → ncrs; `rework.booked`, `rework.updated` → rework-labor.

            Besides the bearer token, the delivery is signed by the Standard Webhooks scheme with the source's \
            webhook secret (`whsec_<base64 key>`): `webhook-signature` lists `v1,<base64 HMAC-SHA256>` of \
            `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the base64-decoded key. The timestamp may be at \
            most 5 minutes from now, and each `webhook-id` is accepted once per source. The record is stored as a \
            one-row batch, all or nothing, together with the delivery's id.""")
    @RequestBody(content = @Content(mediaType = CLOUDEVENTS_JSON, schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "ncr", value = EVENT_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored; costing is prompted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchSummary.class), examples = @ExampleObject(name = "stored", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token, or the signature is missing, wrong or stale, or the source has no webhook secret; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unverified", value = UNVERIFIED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "This webhook-id was delivered before; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "replayed", value = REPLAYED_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Not a CloudEvent of a known type, or invalid data (as row 1); nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    public Uni<Response> receive(@PathParam("source") String source,
            @Parameter(description = "unique per delivery; a repeated id is refused", example = "msg_2Kx9fQ7") @HeaderParam("webhook-id") String webhookId,
            @Parameter(description = "unix seconds when the delivery was signed", example = "1792072920") @HeaderParam("webhook-timestamp") String timestamp,
            @Parameter(description = "space-separated `v1,<base64 HMAC-SHA256>` signatures", example = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=") @HeaderParam("webhook-signature") String signature,
            byte[] body) {
        return webhooks
                .receive(caller.tenant(), caller.scope(), source,
                        new WebhookService.Delivery(webhookId, timestamp, signature), body == null ? new byte[0] : body)
                .map(summary -> Response.accepted(summary).location(URI.create("/api/v1/batches/" + summary.batchId()))
                        .build());
    }
}

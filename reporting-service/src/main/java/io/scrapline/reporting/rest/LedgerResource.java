package io.scrapline.reporting.rest;

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

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.scrapline.reporting.domain.LedgerAccount;
import io.scrapline.reporting.domain.LedgerReconciliation;
import io.scrapline.reporting.render.ReportCsv;
import io.scrapline.reporting.render.ReportHtml;
import io.scrapline.reporting.render.ReportPdf;
import io.scrapline.reporting.render.ReportXlsx;
import io.scrapline.reporting.service.LedgerService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1")
@Tag(name = "Reconciliation", description = "Costed scrap and rework against the general ledger")
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER, Roles.QUALITY })
public class LedgerResource {

    private static final String EXAMPLE = """
            {"plant": "DAY1", "period": "2026-10", "currency": "USD", "matched": false,
             "totals": {"costed": "1910.40", "posted": "1850.40", "difference": "-60.00"},
             "accounts": [{"account": "5400-SCRAP", "costed_scrap": "1860.40", "costed_rework": "50.00",
                           "costed": "1910.40", "posted": "1850.40", "difference": "-60.00", "matched": false}],
             "differences": [{"account": "5400-SCRAP", "work_order": "WO-41002", "kind": "amount_differs",
                              "costed": "655.20", "posted": "595.20", "difference": "-60.00", "events": 1,
                              "documents": ["JE-2610-0043"], "currency": null}]}""";

    /** One account of a reason code and cost type, as sent and as listed. */
    @RegisterForReflection
    public record ReasonCodeAccount(String reasonCode, String costType, String account) {
    }

    private final LedgerService ledger;
    private final Caller caller;

    public LedgerResource(LedgerService ledger, Caller caller) {
        this.ledger = ledger;
        this.caller = caller;
    }

    @GET
    @Path("/reconciliations/{plant}/{period}/ledger")
    // JSON first: a client that accepts anything gets the JSON.
    @Produces({ MediaType.APPLICATION_JSON, ReportCsv.MEDIA_TYPE, ReportXlsx.MEDIA_TYPE, ReportPdf.MEDIA_TYPE,
            ReportHtml.MEDIA_TYPE })
    @Operation(summary = "The plant-period's costed scrap and rework against the general ledger", description = "The "
            + "current costed events of the period by account against the latest version of each `gl-postings` "
            + "record of the plant and period: per account the costed scrap and rework, the posted amount and the "
            + "difference (posted − costed), and the work orders that explain the differences: `costed_not_posted`, "
            + "`posted_not_costed`, `amount_differs` (`other_currency` for a posting in another currency than the "
            + "plant's, which no account adds). An event's account is the one `PUT /ledger-accounts` set for its "
            + "defect code and cost type, else its work order's scrap account; an event with neither has the account "
            + "null. Amounts in the plant's currency. The same tables as CSV (one section per table, each opened by "
            + "its header row), a spreadsheet, a PDF or an HTML page, as the report has. A token limited to lines "
            + "cannot read it (403): the ledger has no lines.")
    @APIResponse(responseCode = "200", description = "The reconciliation", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerReconciliation.class), examples = @ExampleObject(name = "reconciliation", value = EXAMPLE)),
            @Content(mediaType = ReportCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ReportXlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportPdf.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportHtml.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "403", description = "A plant the token does not cover as a whole")
    @APIResponse(responseCode = "404", description = "No such plant for this tenant")
    @APIResponse(responseCode = "422", description = "A period that is not of the plant's calendar")
    public Uni<LedgerReconciliation> reconciliation(@PathParam("plant") String plant,
            @PathParam("period") @Pattern(regexp = ReportResource.PERIOD, message = "must be a calendar month YYYY-MM or a fiscal period YYYY-Pnn") String period) {
        return ledger.reconciliation(caller.tenant(), caller.scope(), plant, period);
    }

    @PUT
    @Path("/ledger-accounts")
    @RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the ledger accounts of reason codes", description = "The account that scrap or rework "
            + "of a defect code posts to; the reconciliation puts an event of that code and cost type on it instead "
            + "of its work order's scrap account. Adds or replaces per `reason_code` and `cost_type` (`scrap`, which "
            + "also covers returns to vendor, or `rework`). All-or-nothing, every bad row and field named; a token "
            + "limited to plants or lines cannot set them (they are the tenant's).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "accounts", value = """
            [{"reason_code": "MACH-DIM", "cost_type": "scrap", "account": "5410-SCRAP-MACH"},
             {"reason_code": "MACH-DIM", "cost_type": "rework", "account": "5510-REWORK"}]""")))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "403", description = "A token limited to plants or lines")
    @APIResponse(responseCode = "422", description = "Invalid rows, each with row, field and reason; nothing stored", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<Void> putAccounts(@NotNull List<ReasonCodeAccount> body) {
        return ledger.putAccounts(caller.tenant(), caller.scope(), body.stream()
                .map(a -> a == null ? null : new LedgerAccount(a.reasonCode(), a.costType(), a.account())).toList());
    }

    @GET
    @Path("/ledger-accounts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ledger accounts of reason codes", description = "By reason code and cost type.")
    @APIResponse(responseCode = "200", description = "The accounts", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ReasonCodeAccount.class), examples = @ExampleObject(name = "accounts", value = """
            [{"reason_code": "MACH-DIM", "cost_type": "scrap", "account": "5410-SCRAP-MACH"}]""")))
    public Uni<List<ReasonCodeAccount>> accounts() {
        return ledger.accounts(caller.tenant()).map(found -> found.stream()
                .map(a -> new ReasonCodeAccount(a.reasonCode(), a.costType(), a.account())).toList());
    }
}

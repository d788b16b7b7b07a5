package io.scrapline.reporting.rest;

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

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.scrapline.platform.problem.Problem;
import io.scrapline.reporting.domain.BudgetEntry;
import io.scrapline.reporting.rest.BudgetRequests.Budget;
import io.scrapline.reporting.rest.BudgetRequests.StoredBudget;
import io.scrapline.reporting.service.BudgetService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/budgets")
@Tag(name = "Budgets", description = "Scrap and rework budgets that reports compare with")
@RolesAllowed({ Roles.ADMIN, Roles.CONTROLLER })
public class BudgetResource {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID = """
            {"type": "https://scrapline.io/problems/invalid-input", "title": "Invalid input",
             "status": 422, "detail": "the budgets are invalid; none was stored",
             "errors": [{"row": 1, "field": "plant", "message": "no plant NOPE"},
                        {"row": 2, "field": "scrap_budget",
                         "message": "must be a decimal >= 0, such as \\"1200.00\\""}]}""";

    private final BudgetService budgets;
    private final Caller caller;

    public BudgetResource(BudgetService budgets, Caller caller) {
        this.budgets = budgets;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or replace budgets", description = "One budget per plant, line and period; a row "
            + "without `line` budgets the whole plant. The period is of the plant's own calendar (`YYYY-MM`, or "
            + "`YYYY-Pnn` for a 4-4-5 plant); amounts are decimals >= 0 in the plant's currency. All-or-nothing: "
            + "every bad row and field is named.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "budgets", value = """
            [{"plant": "DAY1", "period": "2026-10", "scrap_budget": "900.00", "rework_budget": "100.00"},
             {"plant": "DAY1", "line": "L1", "period": "2026-10", "scrap_budget": "700.00",
              "rework_budget": "50.00"}]""")))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "422", description = "Invalid rows, each with row, field and reason; nothing stored", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID)))
    public Uni<Void> put(@NotNull List<Budget> body) {
        // A null row stays null, so that the service names it by its row number.
        return budgets.put(caller.tenant(), caller.scope(),
                body.stream()
                        .map(b -> b == null ? null
                                : new BudgetEntry(b.plant(), b.line(), b.period(), b.scrapBudget(), b.reworkBudget()))
                        .toList());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's budgets", description = "Of one plant and one period, or all; a row whose "
            + "`line` is null budgets the whole plant.")
    @APIResponse(responseCode = "200", description = "The budgets", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = StoredBudget.class), examples = @ExampleObject(name = "budgets", value = """
            [{"plant": "DAY1", "line": null, "period": "2026-10", "scrap_budget": "900.00",
              "rework_budget": "100.00", "updated_at": "2026-09-28T08:00:00Z"},
             {"plant": "DAY1", "line": "L1", "period": "2026-10", "scrap_budget": "700.00",
              "rework_budget": "50.00", "updated_at": "2026-09-28T08:00:00Z"}]""")))
    public Uni<List<StoredBudget>> list(@QueryParam("plant") String plant, @QueryParam("period") String period) {
        return budgets.list(caller.tenant(), caller.scope(), plant, period)
                .map(stored -> stored.stream().map(b -> new StoredBudget(b.plant(), b.line(), b.period(),
                        b.scrapBudget(), b.reworkBudget(), b.updatedAt())).toList());
    }
}

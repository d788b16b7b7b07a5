package io.scrapline.reporting.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.input.InputConfig;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.money.Money;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.Inputs;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.BudgetEntry;
import io.scrapline.reporting.domain.Budgets;
import io.scrapline.reporting.repository.BudgetRepository;
import io.smallrye.mutiny.Uni;

/** The budgets reports compare with; reporting-service is their one writer (architecture.md). */
@ApplicationScoped
public class BudgetService {

    private final TenantDb db;
    private final BudgetRepository budgets;

    public BudgetService(TenantDb db, BudgetRepository budgets) {
        this.db = db;
        this.budgets = budgets;
    }

    /**
     * Stores every budget or none. Errors that need the plants (unknown plant, a period of the other calendar) are
     * found in the same pass as the rest, so one 422 names them all.
     */
    public Uni<Void> put(String tenant, Scope scope, List<BudgetEntry> request) {
        List<BudgetEntry> normalized = request.stream()
                .map(b -> b == null ? null
                        : new BudgetEntry(b.plant(), b.line() == null ? Budgets.WHOLE_PLANT : b.line(), b.period(),
                                b.scrapBudget(), b.reworkBudget()))
                .toList();
        requireInScope(scope, normalized);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < normalized.size(); i++) {
            check(i + 1, normalized.get(i), errors);
        }
        // A missing row is an error already; it gets a key of its own so it is not also "the same entry" as another.
        AtomicInteger missing = new AtomicInteger();
        try {
            Inputs.requireUnique(normalized, b -> b == null ? "\u0001" + missing.incrementAndGet()
                    : b.plant() + '\u0000' + b.line() + '\u0000' + b.period(), "plant+line+period");
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        List<String> plants = normalized.stream().filter(Objects::nonNull).map(BudgetEntry::plant)
                .filter(Objects::nonNull).distinct().toList();
        return db.inTenant(tenant, connection -> budgets.calendars(connection, plants).chain(calendars -> {
            checkPlants(normalized, calendars, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException("the budgets are invalid; none was stored",
                        errors.stream().sorted(
                                Comparator.comparing(FieldError::row, Comparator.nullsFirst(Comparator.naturalOrder())))
                                .toList());
            }
            return budgets.upsert(connection, normalized);
        }));
    }

    /**
     * The budgets of the plants in {@code scope}; a token limited to lines sees its lines' budgets, not the whole
     * plant's.
     */
    public Uni<List<BudgetEntry.Stored>> list(String tenant, Scope scope, String plant, String period) {
        List<String> plants;
        if (plant != null) {
            scope.requirePlant(plant);
            plants = List.of(plant);
        } else {
            plants = List.copyOf(scope.plants());
        }
        return db.inTenant(tenant, connection -> budgets.list(connection, plants, period))
                .map(all -> all.stream().filter(b -> scope.covers(b.plant(), b.line())).toList());
    }

    /**
     * A budget of a line needs the line in scope; one of the whole plant needs the whole plant.
     *
     * @throws io.scrapline.platform.problem.OutOfScopeProblem
     *             naming every row outside the scope
     */
    private static void requireInScope(Scope scope, List<BudgetEntry> budgets) {
        List<FieldError> outside = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            BudgetEntry budget = budgets.get(i);
            if (budget != null && budget.plant() != null) {
                FieldError error = scope.rowError(i + 1, budget.plant(),
                        budget.line().equals(Budgets.WHOLE_PLANT) ? null : budget.line());
                if (error != null) {
                    outside.add(error);
                }
            }
        }
        Scope.refuseRows(outside, "none was stored");
    }

    private static void check(int row, BudgetEntry budget, List<FieldError> errors) {
        if (budget == null) {
            errors.add(new FieldError(row, null, "must be an object"));
            return;
        }
        if (budget.plant() == null || budget.plant().isBlank()) {
            errors.add(new FieldError(row, "plant", "is required"));
        }
        if (!budget.line().equals(budget.line().strip())) {
            errors.add(new FieldError(row, "line",
                    "must be a line id without surrounding spaces, or left out for " + "the whole plant"));
        } else if (!budget.line().isEmpty() && !budget.line().matches(InputRules.CODE)) {
            errors.add(new FieldError(row, "line", InputRules.CODE_RULE));
        }
        if (!FiscalCalendar.isPeriod(budget.period())) {
            errors.add(new FieldError(row, "period", "must be a period YYYY-MM or YYYY-Pnn"));
        } else if (!InputConfig.Years.DEFAULT.contains(Integer.parseInt(budget.period().substring(0, 4)))) {
            errors.add(new FieldError(row, "period", InputConfig.Years.DEFAULT.problem(0)));
        }
        amount(row, "scrap_budget", budget.scrapBudget(), errors);
        amount(row, "rework_budget", budget.reworkBudget(), errors);
    }

    private static void amount(int row, String field, String text, List<FieldError> errors) {
        try {
            BigDecimal amount = Money.parse(text);
            if (amount.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            String problem = InputRules.decimalProblem(amount);
            if (problem != null) {
                errors.add(new FieldError(row, field, problem));
            }
        } catch (NumberFormatException e) {
            errors.add(new FieldError(row, field, "must be a decimal >= 0, such as \"1200.00\""));
        }
    }

    /** An unknown plant, or another tenant's (row-level security hides it), and a period not of the plant's kind. */
    private static void checkPlants(List<BudgetEntry> budgets, Map<String, String> calendars, List<FieldError> errors) {
        for (int i = 0; i < budgets.size(); i++) {
            BudgetEntry budget = budgets.get(i);
            if (budget == null || budget.plant() == null || budget.plant().isBlank()) {
                continue;
            }
            String setting = calendars.get(budget.plant());
            if (setting == null) {
                errors.add(new FieldError(i + 1, "plant", "no plant " + budget.plant()));
                continue;
            }
            FiscalCalendar calendar = FiscalCalendar.parse(setting);
            if (FiscalCalendar.isPeriod(budget.period()) && !calendar.isValid(budget.period())) {
                errors.add(new FieldError(i + 1, "period",
                        "plant " + budget.plant() + " keeps "
                                + (calendar.isCalendarMonths() ? "calendar months: use YYYY-MM"
                                        : "the fiscal calendar " + calendar.setting() + ": use YYYY-Pnn")));
            }
        }
    }
}

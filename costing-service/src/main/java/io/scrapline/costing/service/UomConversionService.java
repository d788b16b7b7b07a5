package io.scrapline.costing.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.UnitConversion;
import io.scrapline.costing.domain.UomConversion;
import io.scrapline.costing.repository.ReferenceRepository;
import io.scrapline.costing.repository.UomConversionRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.Inputs;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * A part's unit factors (docs/cost-model.md §11), reference data of the whole tenant. Storing them re-costs the
 * tenant's waiting events, so the events parked for want of a factor are costed with it.
 */
@ApplicationScoped
public class UomConversionService {

    private final TenantDb db;
    private final UomConversionRepository conversions;
    private final ReferenceRepository reference;
    private final CostingService costing;

    public UomConversionService(TenantDb db, UomConversionRepository conversions, ReferenceRepository reference,
            CostingService costing) {
        this.db = db;
        this.conversions = conversions;
        this.reference = reference;
        this.costing = costing;
    }

    /**
     * Adds the part's factors or replaces those of the same units, all or nothing; units are kept upper case. A row
     * that is null stays null, so that it is named by its row number.
     */
    public Uni<Void> put(String tenant, Scope scope, String part, List<UnitConversion.Factor> request) {
        scope.requireWholeTenant("a part's unit conversions");
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < request.size(); i++) {
            check(i + 1, request.get(i), pairs, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the unit conversions are invalid; none was stored", errors);
        }
        List<UnitConversion.Factor> factors = request.stream()
                .map(f -> new UnitConversion.Factor(UnitConversion.normalized(f.from()),
                        UnitConversion.normalized(f.to()), f.factor()))
                .toList();
        Inputs.requireUnique(factors, f -> f.from() + '\u0000' + f.to(), "from+to");
        return db.inTenant(tenant, connection -> reference.tenantExists(connection).chain(exists -> {
            if (!exists) {
                throw new InvalidInputException("tenant", "register a plant first: the tenant has none");
            }
            return conversions.upsert(connection, part, factors);
        })).invoke(() -> costing.costWaiting(tenant));
    }

    public Uni<List<UomConversion>> list(String tenant, String part) {
        return db.inTenant(tenant, connection -> conversions.list(connection, part));
    }

    /**
     * Names what is wrong with a row: units that are codes and differ, a positive factor that fits the column, and no
     * row giving the other direction of a pair (it is the inverse, so a second factor could only contradict it).
     */
    private static void check(int row, UnitConversion.Factor factor, Map<String, Integer> pairs,
            List<FieldError> errors) {
        if (factor == null) {
            errors.add(new FieldError(row, null, "must be an object"));
            return;
        }
        boolean fromValid = unit(row, "from", factor.from(), errors);
        boolean toValid = unit(row, "to", factor.to(), errors);
        if (fromValid && toValid) {
            String from = UnitConversion.normalized(factor.from());
            String to = UnitConversion.normalized(factor.to());
            if (from.equals(to)) {
                errors.add(new FieldError(row, "to", "must be another unit than from"));
            } else {
                Integer reverse = pairs.get(to + '\u0000' + from);
                if (reverse != null) {
                    errors.add(new FieldError(row, "from", "row " + reverse + " gives the other direction; the "
                            + "factor of this one is its inverse"));
                }
                pairs.putIfAbsent(from + '\u0000' + to, row);
            }
        }
        BigDecimal value = factor.factor();
        if (value == null || value.signum() <= 0) {
            errors.add(new FieldError(row, "factor", "must be a decimal > 0"));
        } else {
            String problem = InputRules.decimalProblem(value, InputRules.JSON_FRACTION_DIGITS);
            if (problem != null) {
                errors.add(new FieldError(row, "factor", problem));
            }
        }
    }

    private static boolean unit(int row, String field, String unit, List<FieldError> errors) {
        if (unit == null || unit.isBlank()) {
            errors.add(new FieldError(row, field, "is required"));
            return false;
        }
        if (!unit.matches(InputRules.CODE)) {
            errors.add(new FieldError(row, field, InputRules.CODE_RULE));
            return false;
        }
        return true;
    }
}

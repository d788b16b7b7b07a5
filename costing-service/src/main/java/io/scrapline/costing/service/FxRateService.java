package io.scrapline.costing.service;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.FxRate;
import io.scrapline.costing.repository.FxRateRepository;
import io.scrapline.costing.repository.ReferenceRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.Inputs;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/** The tenant's exchange rates, for consolidation into its reporting currency. */
@ApplicationScoped
public class FxRateService {

    /** A calendar month {@code YYYY-MM} or a fiscal period {@code YYYY-Pnn} (contract.md, "Conventions"). */
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-((0[1-9]|1[0-2])|P(0[1-9]|1[0-3]))");

    private final TenantDb db;
    private final FxRateRepository rates;
    private final ReferenceRepository reference;

    public FxRateService(TenantDb db, FxRateRepository rates, ReferenceRepository reference) {
        this.db = db;
        this.rates = rates;
        this.reference = reference;
    }

    public Uni<Void> put(String tenant, Scope scope, List<FxRate> request) {
        scope.requireWholeTenant("FX rates");
        List<FxRate> normalized = request.stream()
                .map(r -> r == null ? null
                        : new FxRate(r.from(), r.to(), r.period(), r.rate(), r.kind() == null ? "average" : r.kind()))
                .toList();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < normalized.size(); i++) {
            check(i + 1, normalized.get(i), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the rates are invalid; none was stored", errors);
        }
        Inputs.requireUnique(normalized, r -> r.from() + r.to() + r.period() + r.kind(), "from+to+period+kind");
        return db.inTenant(tenant, connection -> reference.tenantExists(connection).chain(exists -> {
            if (!exists) {
                throw new InvalidInputException("tenant", "register a plant first: the tenant has none");
            }
            return rates.upsert(connection, normalized);
        }));
    }

    public Uni<List<FxRate.Stored>> list(String tenant, String period) {
        return db.inTenant(tenant, connection -> rates.list(connection, period));
    }

    private static void check(int row, FxRate rate, List<FieldError> errors) {
        if (rate == null) {
            errors.add(new FieldError(row, null, "must be an object"));
            return;
        }
        currency(row, "from", rate.from(), errors);
        currency(row, "to", rate.to(), errors);
        if (rate.from() != null && rate.from().equals(rate.to())) {
            errors.add(new FieldError(row, "to", "must differ from from"));
        }
        if (rate.period() == null || !PERIOD.matcher(rate.period()).matches()) {
            errors.add(new FieldError(row, "period", "must be a period YYYY-MM or YYYY-Pnn"));
        }
        if (rate.rate() == null || rate.rate().signum() <= 0) {
            errors.add(new FieldError(row, "rate", "must be a decimal > 0"));
        }
        if (!rate.kind().equals("average") && !rate.kind().equals("closing")) {
            errors.add(new FieldError(row, "kind", "must be average or closing"));
        }
    }

    private static void currency(int row, String field, String code, List<FieldError> errors) {
        try {
            if (code == null || !code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException();
            }
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(row, field, "must be an ISO 4217 currency code such as EUR"));
        }
    }
}

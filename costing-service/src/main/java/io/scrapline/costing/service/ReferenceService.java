package io.scrapline.costing.service;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.costing.domain.ReferenceInputs;
import io.scrapline.costing.repository.ReferenceRepository;
import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.input.InputRules;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.Inputs;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.tenant.TenantDb;
import io.smallrye.mutiny.Uni;

/**
 * Reference data changes; each one re-costs the tenant's waiting events after it commits, so supplying a missing
 * mapping closes the exceptions it caused.
 */
@ApplicationScoped
public class ReferenceService {

    private final TenantDb db;
    private final ReferenceRepository repository;
    private final CostingService costing;

    public ReferenceService(TenantDb db, ReferenceRepository repository, CostingService costing) {
        this.db = db;
        this.repository = repository;
        this.costing = costing;
    }

    public Uni<Void> putPlant(String tenant, Scope scope, String plant, ReferenceInputs.Plant request) {
        scope.requireWholePlant(plant, "a plant's reference data");
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError(null, "name", "is required"));
        } else if (request.name().length() > InputRules.NAME_MAX) {
            errors.add(new FieldError(null, "name", "must be at most " + InputRules.NAME_MAX + " characters"));
        }
        if (request.currency() == null || request.currency().isBlank()) {
            errors.add(new FieldError(null, "currency", "is required"));
        } else {
            try {
                if (!request.currency().matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException();
                }
                Currency.getInstance(request.currency());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(null, "currency",
                        "must be an ISO 4217 code such as USD, not " + request.currency()));
            }
        }
        if (request.timeZone() == null || request.timeZone().isBlank()) {
            errors.add(new FieldError(null, "time_zone", "is required"));
        } else {
            try {
                ZoneId.of(request.timeZone());
            } catch (DateTimeException e) {
                errors.add(new FieldError(null, "time_zone", "unknown IANA time zone " + request.timeZone()));
            }
        }
        try {
            FiscalCalendar.parse(request.fiscalCalendar());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(null, "fiscal_calendar", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the plant is invalid", errors);
        }
        return db.inTenant(tenant, connection -> repository.upsertPlant(connection, plant, request))
                .invoke(() -> recost(tenant));
    }

    public Uni<Void> putPartXrefs(String tenant, Scope scope, String source, List<ReferenceInputs.PartXref> xrefs) {
        scope.requireWholeTenant("a source's part cross-reference");
        Inputs.requireUnique(xrefs, x -> x.sourcePart() + "@" + x.effectiveFrom(), "source_part");
        return db
                .inTenant(tenant,
                        connection -> requireTenant(connection)
                                .chain(() -> repository.upsertPartXrefs(connection, source, xrefs)))
                .invoke(() -> recost(tenant));
    }

    public Uni<Void> putDefectCodeXrefs(String tenant, Scope scope, String source,
            List<ReferenceInputs.DefectCodeXref> xrefs) {
        scope.requireWholeTenant("a source's defect-code cross-reference");
        Inputs.requireUnique(xrefs, ReferenceInputs.DefectCodeXref::sourceCode, "source_code");
        return db.inTenant(tenant, connection -> repository.knownDefectCodes(connection).chain(known -> {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < xrefs.size(); i++) {
                if (!known.contains(xrefs.get(i).defectCode())) {
                    errors.add(new FieldError(i + 1, "defect_code",
                            "not in the defect-code catalog: " + xrefs.get(i).defectCode()));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException("cross-references must point at catalogued codes", errors);
            }
            return repository.upsertDefectCodeXrefs(connection, source, xrefs);
        })).invoke(() -> recost(tenant));
    }

    public Uni<Void> putDefectCodes(String tenant, Scope scope, List<ReferenceInputs.DefectCode> codes) {
        scope.requireWholeTenant("the defect catalog");
        Inputs.requireUnique(codes, ReferenceInputs.DefectCode::code, "code");
        return db
                .inTenant(tenant,
                        connection -> requireTenant(connection)
                                .chain(() -> repository.upsertDefectCodes(connection, codes)))
                .invoke(() -> recost(tenant));
    }

    private Uni<Void> requireTenant(io.vertx.mutiny.sqlclient.SqlConnection connection) {
        return repository.tenantExists(connection).invoke(exists -> {
            if (!exists) {
                throw new InvalidInputException("tenant", "register a plant first: the tenant has none");
            }
        }).replaceWithVoid();
    }

    private void recost(String tenant) {
        costing.costWaiting(tenant);
    }
}

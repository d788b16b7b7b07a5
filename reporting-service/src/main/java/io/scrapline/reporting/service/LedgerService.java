package io.scrapline.reporting.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.problem.FieldError;
import io.scrapline.platform.problem.Inputs;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.LedgerAccount;
import io.scrapline.reporting.domain.LedgerReconciliation;
import io.scrapline.reporting.repository.LedgerRepository;
import io.smallrye.mutiny.Uni;

/**
 * Reconciles a plant-period's costed scrap and rework with the ERP's postings to the general ledger, and keeps the
 * accounts of reason codes it reconciles by; reporting-service is the one writer of those accounts.
 */
@ApplicationScoped
public class LedgerService {

    private final TenantDb db;
    private final ReportService reports;
    private final LedgerRepository ledger;

    public LedgerService(TenantDb db, ReportService reports, LedgerRepository ledger) {
        this.db = db;
        this.reports = reports;
        this.ledger = ledger;
    }

    /**
     * The reconciliation of a plant-period, in the plant's currency. The ledger has no lines, so a token limited to
     * lines cannot read it.
     *
     * @throws io.scrapline.platform.problem.OutOfScopeProblem
     *             for a plant the token does not cover as a whole
     * @throws io.scrapline.platform.problem.NotFoundProblem
     *             for a plant the tenant does not have
     * @throws InvalidInputException
     *             for a period of the other kind of calendar
     */
    public Uni<LedgerReconciliation> reconciliation(String tenant, Scope scope, String plant, String period) {
        scope.requireWholePlant(plant, "the ledger reconciliation");
        return db.readInTenant(tenant, connection -> reports.plant(connection, plant, period).chain(known -> Uni
                .combine().all()
                .unis(ledger.costed(connection, plant, period), ledger.posted(connection, plant, period))
                .with((costed, posted) -> LedgerReconciliation.of(plant, period, known.currency(), costed, posted))));
    }

    /** Stores every account or none; every bad row and field is named. A tenant-wide setting: whole tenant only. */
    public Uni<Void> putAccounts(String tenant, Scope scope, List<LedgerAccount> accounts) {
        scope.requireWholeTenant("the ledger accounts");
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            errors.addAll(LedgerAccount.problems(i + 1, accounts.get(i)));
        }
        AtomicInteger missing = new AtomicInteger();
        try {
            Inputs.requireUnique(accounts,
                    a -> a == null ? "\u0001" + missing.incrementAndGet() : a.reasonCode() + '\u0000' + a.costType(),
                    "reason_code+cost_type");
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the ledger accounts are invalid; none was stored",
                    errors.stream().sorted(
                            Comparator.comparing(FieldError::row, Comparator.nullsFirst(Comparator.naturalOrder())))
                            .toList());
        }
        return db.inTenant(tenant, connection -> ledger.putAccounts(connection, accounts));
    }

    public Uni<List<LedgerAccount>> accounts(String tenant) {
        return db.readInTenant(tenant, ledger::accounts);
    }
}

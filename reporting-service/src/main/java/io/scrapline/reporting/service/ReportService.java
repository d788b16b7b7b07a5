package io.scrapline.reporting.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.Budgets;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportBuilder;
import io.scrapline.reporting.repository.ReportRepository;
import io.smallrye.mutiny.Uni;

/** Serves the current figures of a plant-period from the rollups. */
@ApplicationScoped
public class ReportService {

    /** Share of cost that the "vital few" make up while the tenant has no approved cost schema (cost-model.md §10). */
    private static final BigDecimal VITAL_FEW = new BigDecimal("0.80");

    private final TenantDb db;
    private final ReportRepository reports;

    public ReportService(TenantDb db, ReportRepository reports) {
        this.db = db;
        this.reports = reports;
    }

    public Uni<Report> report(Caller caller, String plant, String period, String view) {
        caller.requirePlant(plant);
        List<String> lines = List.copyOf(caller.lines());
        return db.inTenant(caller.tenant(), connection -> reports.plant(connection, plant).chain(found -> {
            ReportRepository.Plant known = found.orElseThrow(() -> new NotFoundProblem("no plant " + plant));
            FiscalCalendar calendar = FiscalCalendar.parse(known.fiscalCalendar());
            // A period of the other kind would be an empty report that looks like a plant without scrap.
            if (!calendar.isValid(period)) {
                throw new InvalidInputException("period",
                        "plant " + plant + " keeps " + (calendar.isCalendarMonths() ? "calendar months: use YYYY-MM"
                                : "the fiscal calendar " + calendar.setting() + ": use YYYY-Pnn"));
            }
            return Uni.combine().all()
                    .unis(reports.sums(connection, plant, period, lines),
                            reports.uncosted(connection, plant, period, lines),
                            reports.total(connection, plant, calendar.previous(period), lines),
                            reports.vitalFewThreshold(connection), reports.budgets(connection, plant, period))
                    .with((sums, uncosted, prior, threshold, budgets) -> ReportBuilder.build(known.plant(),
                            known.name(), period, known.currency(), view, sums, uncosted.events(), uncosted.quantity(),
                            prior, threshold.orElse(VITAL_FEW), Budgets.budget(budgets, lines).orElse(null)));
        }));
    }
}

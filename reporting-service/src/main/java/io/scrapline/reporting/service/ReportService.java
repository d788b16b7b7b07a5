package io.scrapline.reporting.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.period.Periods;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
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
            return Uni.combine().all()
                    .unis(reports.sums(connection, plant, period, lines),
                            reports.uncosted(connection, plant, period, lines),
                            reports.total(connection, plant, Periods.previous(period), lines),
                            reports.vitalFewThreshold(connection))
                    .with((sums, uncosted, prior, threshold) -> ReportBuilder.build(known.plant(), known.name(), period,
                            known.currency(), view, sums, uncosted.events(), uncosted.quantity(), prior,
                            threshold.orElse(VITAL_FEW)));
        }));
    }
}

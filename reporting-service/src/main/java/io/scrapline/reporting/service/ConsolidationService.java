package io.scrapline.reporting.service;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.ConsolidatedReport;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.repository.ConsolidationRepository;
import io.scrapline.reporting.repository.ReportRepository;
import io.smallrye.mutiny.Uni;

/**
 * The tenant's plants in its reporting currency ({@code tenants.reporting_currency}) at the period's FX rate of the
 * kind its approved cost schema names (average by default), from costing's {@code fx_rates}. A closed plant-period
 * counts with its stored version, an open one with its current figures.
 */
@ApplicationScoped
public class ConsolidationService {

    private static final String VIEW = "controller";

    private final TenantDb db;
    private final ReportRepository repository;
    private final ConsolidationRepository consolidation;

    public ConsolidationService(TenantDb db, ReportRepository repository, ConsolidationRepository consolidation) {
        this.db = db;
        this.repository = repository;
        this.consolidation = consolidation;
    }

    /**
     * @throws ConsolidatedReport.MissingRates
     *             naming every plant currency without a rate of the period
     */
    public Uni<ConsolidatedReport> consolidated(String tenant, Scope scope, String period) {
        scope.requireWholePlants("a consolidation");
        return db.readInTenant(tenant, connection -> repository.tenantSettings(connection).chain(found -> {
            ReportRepository.TenantSettings settings = found
                    .orElseThrow(() -> new NotFoundProblem("the tenant has no plants"));
            return repository.plants(connection).chain(all -> {
                List<ReportRepository.Plant> included = new ArrayList<>();
                List<ConsolidatedReport.Excluded> excluded = new ArrayList<>();
                for (ReportRepository.Plant plant : all) {
                    if (!scope.coversPlant(plant.plant())) {
                        continue;
                    }
                    FiscalCalendar calendar = FiscalCalendar.parse(plant.fiscalCalendar());
                    if (calendar.isValid(period)) {
                        included.add(plant);
                    } else {
                        excluded.add(new ConsolidatedReport.Excluded(plant.plant(),
                                calendar.isCalendarMonths() ? "keeps calendar months (YYYY-MM)"
                                        : "keeps the fiscal calendar " + calendar.setting() + " (YYYY-Pnn)"));
                    }
                }
                Uni<List<Report>> plantReports = consolidation.totals(connection, included, period, VIEW);
                return Uni.combine().all()
                        .unis(plantReports,
                                repository.ratesInto(connection, settings.reportingCurrency(), period,
                                        settings.fxPolicy()))
                        .with((plantFigures, rates) -> ConsolidatedReport.of(period, settings.reportingCurrency(),
                                settings.fxPolicy(), RoundingMode.valueOf(settings.rounding().toUpperCase()),
                                plantFigures, rates, excluded));
            });
        }));
    }
}

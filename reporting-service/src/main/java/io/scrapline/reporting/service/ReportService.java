package io.scrapline.reporting.service;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportFigures;
import io.scrapline.reporting.repository.PartReportRepository;
import io.scrapline.reporting.repository.ReportRepository;
import io.scrapline.reporting.repository.ScrapQuantityRepository;
import io.scrapline.reporting.repository.SnapshotRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Serves a plant-period's report: the stored version of a closed period, else the current figures from the rollups.
 */
@ApplicationScoped
public class ReportService {

    /**
     * Share of cost that the "vital few" make up while the tenant has no approved cost schema (docs/cost-model.md §10).
     */
    static final BigDecimal VITAL_FEW = new BigDecimal("0.80");

    /** The weeks of the defect-code trend (a quarter). */
    static final int TREND_WEEKS = 13;

    private final TenantDb db;
    private final ReportRepository reports;
    private final SnapshotRepository snapshots;
    private final PartReportRepository parts;
    private final ScrapQuantityRepository quantities;

    public ReportService(TenantDb db, ReportRepository reports, SnapshotRepository snapshots,
            PartReportRepository parts, ScrapQuantityRepository quantities) {
        this.db = db;
        this.reports = reports;
        this.snapshots = snapshots;
        this.parts = parts;
        this.quantities = quantities;
    }

    /**
     * The report in a view ({@link Report#FULL} when null), of one line when {@code line} is given, else of the token's
     * lines. {@code version} null: the latest version of a closed period, else the current figures of an open one.
     *
     * @throws io.scrapline.platform.problem.OutOfScopeProblem
     *             for a plant or line the token does not cover
     * @throws InvalidInputException
     *             for the supervisor view without one line: neither named nor the token's only line
     */
    public Uni<Report> report(String tenant, Scope scope, String plant, String period, String view, String line,
            Integer version) {
        scope.requirePlant(plant);
        List<String> lines = lines(scope, plant, view, line);
        String shown = view == null ? Report.FULL : view;
        return db
                .readInTenant(tenant,
                        connection -> plant(connection, plant, period)
                                .chain(known -> report(connection, known, period, shown, lines, version)))
                .map(report -> report.inView(shown));
    }

    /** The lines a report shows; empty for every line of the plant. */
    static List<String> lines(Scope scope, String plant, String view, String line) {
        Set<String> covered = scope.lines();
        if (line != null) {
            scope.requireLine(plant, line, "the report");
            return List.of(line);
        }
        if (Report.SUPERVISOR.equals(view) && covered.size() != 1) {
            throw new InvalidInputException("line", "the supervisor view shows one line: name it with line="
                    + (covered.isEmpty() ? "" : ", one of " + String.join(", ", new TreeSet<>(covered))));
        }
        return List.copyOf(covered);
    }

    /**
     * The tenant's plant, with the period checked against its calendar.
     *
     * @throws NotFoundProblem
     *             for a plant the tenant does not have
     * @throws InvalidInputException
     *             for a period of the other kind of calendar
     */
    Uni<ReportRepository.Plant> plant(SqlConnection connection, String plant, String period) {
        return reports.plant(connection, plant).map(found -> {
            ReportRepository.Plant known = found.orElseThrow(() -> new NotFoundProblem("no plant " + plant));
            FiscalCalendar calendar = FiscalCalendar.parse(known.fiscalCalendar());
            // A period of the other kind would be an empty report that looks like a plant without scrap.
            if (!calendar.isValid(period)) {
                throw new InvalidInputException("period",
                        "plant " + plant + " keeps " + (calendar.isCalendarMonths() ? "calendar months: use YYYY-MM"
                                : "the fiscal calendar " + calendar.setting() + ": use YYYY-Pnn"));
            }
            return known;
        });
    }

    /** The report of a known plant and a period of its calendar, for {@code lines} (empty: the whole plant). */
    Uni<Report> report(SqlConnection connection, ReportRepository.Plant known, String period, String view,
            List<String> lines, Integer version) {
        return snapshots.snapshot(connection, known.plant(), period, version).chain(stored -> {
            if (stored.isPresent()) {
                SnapshotRepository.Snapshot snapshot = stored.get();
                // The stored report is the whole plant's; a token limited to lines gets its lines' frozen figures.
                Report report = lines.isEmpty() ? snapshot.report()
                        : snapshot.figures().report(known.plant(), known.name(), period, known.currency(), view, lines);
                return Uni.createFrom().item(report.closed(snapshot.version(), view));
            }
            if (version != null) {
                throw new NotFoundProblem("no version " + version + " of the report of " + known.plant() + " for "
                        + period + ": only a closed period has stored versions");
            }
            return figures(connection, known, period)
                    .map(figures -> figures.report(known.plant(), known.name(), period, known.currency(), view, lines));
        });
    }

    /**
     * The current figures of a plant-period from the rollups (by part and defect category too) and the other
     * aggregates, for every line: the year to date runs from the fiscal year's first period, the trend over the 13
     * weeks (from Monday) that end with the week of the period's last day.
     */
    Uni<ReportFigures> figures(SqlConnection connection, ReportRepository.Plant known, String period) {
        FiscalCalendar calendar = FiscalCalendar.parse(known.fiscalCalendar());
        String prior = calendar.previous(period);
        List<String> yearToDate = yearToDate(calendar, period);
        List<LocalDate> weeks = weeks(calendar.range(period).last());
        String plant = known.plant();
        var periodFigures = Uni.combine().all()
                .unis(reports.sums(connection, plant, period), reports.uncostedByLine(connection, plant, period),
                        reports.totalsByLine(connection, plant, prior), reports.budgets(connection, plant, period),
                        reports.vitalFewThreshold(connection), reports.scrapVariances(connection, plant, period))
                .asTuple();
        var otherFigures = Uni.combine().all()
                .unis(reports.yearToDate(connection, plant, yearToDate),
                        reports.weekly(connection, plant, weeks.get(0), weeks.get(weeks.size() - 1)),
                        reports.ncrCounts(connection, plant), reports.thresholds(connection, plant),
                        quantities.mismatches(connection, plant, period))
                .asTuple();
        var partFigures = Uni.combine().all()
                .unis(parts.parts(connection, plant, period), parts.categories(connection, plant, period)).asTuple();
        return Uni.combine().all().unis(periodFigures, otherFigures, partFigures)
                .with((rollups, others, byPart) -> new ReportFigures(rollups.getItem1(), rollups.getItem2(),
                        rollups.getItem3(), rollups.getItem4(), rollups.getItem5().orElse(VITAL_FEW),
                        rollups.getItem6(), yearToDate.get(0), others.getItem1(), weeks, others.getItem2(),
                        others.getItem3(), others.getItem4(), byPart.getItem1(), byPart.getItem2(), others.getItem5()));
    }

    /** The periods of the fiscal year up to {@code period}, first to last: those of its year (YYYY-MM or YYYY-Pnn). */
    static List<String> yearToDate(FiscalCalendar calendar, String period) {
        String year = period.substring(0, 4);
        List<String> periods = new ArrayList<>();
        for (String p = period; p.startsWith(year); p = calendar.previous(p)) {
            periods.add(0, p);
        }
        return periods;
    }

    /** The Mondays of the 13 weeks that end with the week of {@code last}. */
    static List<LocalDate> weeks(LocalDate last) {
        LocalDate monday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return IntStream.range(0, TREND_WEEKS).mapToObj(i -> monday.minusWeeks(TREND_WEEKS - 1 - i)).toList();
    }
}

package io.scrapline.reporting.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.platform.auth.Scope;
import io.scrapline.platform.period.FiscalCalendar;
import io.scrapline.platform.problem.InvalidInputException;
import io.scrapline.platform.problem.NotFoundProblem;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.reporting.domain.Report;
import io.scrapline.reporting.domain.ReportCut;
import io.scrapline.reporting.domain.ReportFigures;
import io.scrapline.reporting.repository.ReportCutRepository;
import io.scrapline.reporting.repository.ReportRepository;
import io.scrapline.reporting.repository.SnapshotRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Reports cut at a day, for the daily and weekly distributions: a period to date (as of a day of the period) and a week
 * to date (from its Monday through a day of the week). Each is one snapshot read, like the period's report.
 */
@ApplicationScoped
public class ReportCutService {

    private final TenantDb db;
    private final ReportService reports;
    private final ReportRepository rollups;
    private final SnapshotRepository snapshots;
    private final ReportCutRepository cuts;

    public ReportCutService(TenantDb db, ReportService reports, ReportRepository rollups, SnapshotRepository snapshots,
            ReportCutRepository cuts) {
        this.db = db;
        this.reports = reports;
        this.rollups = rollups;
        this.snapshots = snapshots;
        this.cuts = cuts;
    }

    /**
     * The period's report as of the end of {@code asOf} in the plant's time zone: the figures the period's report is
     * built from (those of stored version {@code version}, or of the latest once the period is closed, else the
     * rollups') less the events of the period that occurred after that day. The prior period, the budget, the open
     * exceptions, the scrap variances and the trend's weeks stay those of the whole period.
     *
     * @throws InvalidInputException
     *             for a day outside the period
     */
    public Uni<Report> asOf(String tenant, Scope scope, String plant, String period, LocalDate asOf, String view,
            String line, Integer version) {
        scope.requirePlant(plant);
        List<String> lines = ReportService.lines(scope, plant, view, line);
        String shown = view == null ? Report.FULL : view;
        return db.readInTenant(tenant, connection -> reports.plant(connection, plant, period).chain(known -> {
            FiscalCalendar.Range days = FiscalCalendar.parse(known.fiscalCalendar()).range(period);
            if (asOf.isBefore(days.first()) || asOf.isAfter(days.last())) {
                throw new InvalidInputException("as_of",
                        "must be a day of period " + period + ", from " + days.first() + " to " + days.last());
            }
            ZoneId zone = ZoneId.of(known.timeZone());
            return snapshots.snapshot(connection, plant, period, version).chain(stored -> {
                if (stored.isEmpty() && version != null) {
                    throw new NotFoundProblem("no version " + version + " of the report of " + plant + " for " + period
                            + ": only a closed period has stored versions");
                }
                Uni<ReportFigures> figures = stored.isPresent() ? Uni.createFrom().item(stored.get().figures())
                        : reports.figures(connection, known, period);
                return Uni
                        .combine().all().unis(figures, cuts.periodEvents(connection, plant, period,
                                startOf(asOf.plusDays(1), zone), startOf(days.last().plusDays(1), zone)))
                        .with((whole, after) -> {
                            Report report = ReportCut.less(whole, after).report(plant, known.name(), period,
                                    known.currency(), shown, lines);
                            return (stored.isPresent() ? report.closed(stored.get().version(), shown) : report)
                                    .within(new Report.Window(days.first(), asOf));
                        });
            });
        })).map(report -> report.inView(shown));
    }

    /**
     * The report of the week from Monday {@code monday} through {@code through} (its Sunday when null): the plant's
     * events that occurred on those days, whatever period they are booked in, with the events of those days still in an
     * open exception. The prior week's cost stands for the prior period's; a week has no budget, scrap variances or
     * year to date; the trend's 13 weeks end with this one.
     *
     * @throws InvalidInputException
     *             for a day that is not a Monday, or a {@code through} outside its week
     */
    public Uni<Report> week(String tenant, Scope scope, String plant, LocalDate monday, LocalDate through, String view,
            String line) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidInputException("week", "must be a Monday, the first day of the week: " + monday + " is a "
                    + monday.getDayOfWeek().name().toLowerCase(Locale.ROOT));
        }
        LocalDate last = through == null ? monday.plusDays(6) : through;
        if (last.isBefore(monday) || last.isAfter(monday.plusDays(6))) {
            throw new InvalidInputException("as_of",
                    "must be a day of the week, from " + monday + " to " + monday.plusDays(6));
        }
        scope.requirePlant(plant);
        List<String> lines = ReportService.lines(scope, plant, view, line);
        String shown = view == null ? Report.FULL : view;
        return db.readInTenant(tenant, connection -> rollups.plant(connection, plant).chain(found -> {
            ReportRepository.Plant known = found.orElseThrow(() -> new NotFoundProblem("no plant " + plant));
            ZoneId zone = ZoneId.of(known.timeZone());
            return weekFigures(connection, plant, monday, startOf(monday, zone), startOf(last.plusDays(1), zone))
                    .map(figures -> figures
                            .report(plant, known.name(), ReportCut.weekName(monday), known.currency(), shown, lines)
                            .within(new Report.Window(monday, last)));
        })).map(report -> report.inView(shown));
    }

    private Uni<ReportFigures> weekFigures(SqlConnection connection, String plant, LocalDate monday,
            OffsetDateTime from, OffsetDateTime until) {
        List<LocalDate> weeks = ReportService.weeks(monday);
        var eventFigures = Uni.combine().all().unis(cuts.events(connection, plant, from, until),
                cuts.uncosted(connection, plant, from, until), cuts.weekTotals(connection, plant, monday.minusWeeks(1)))
                .asTuple();
        var otherFigures = Uni.combine().all()
                .unis(rollups.weekly(connection, plant, weeks.get(0), monday.minusWeeks(1)),
                        rollups.ncrCounts(connection, plant), rollups.thresholds(connection, plant),
                        rollups.vitalFewThreshold(connection))
                .asTuple();
        return Uni.combine().all().unis(eventFigures, otherFigures)
                .with((events, others) -> new ReportFigures(events.getItem1(), events.getItem2(), events.getItem3(),
                        List.of(), others.getItem4().orElse(ReportService.VITAL_FEW), null, null, null, weeks,
                        ReportCut.withWeek(others.getItem1(), monday, events.getItem1()), others.getItem2(),
                        others.getItem3(), null));
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}

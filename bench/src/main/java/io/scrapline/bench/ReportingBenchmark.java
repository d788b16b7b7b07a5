package io.scrapline.bench;

import static io.scrapline.bench.Figures.percentile;
import static io.scrapline.bench.Figures.print;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestTokens;

/**
 * {@code bench/run reporting}: report latency (p50/p95 per view and format) for a plant-month of 1,000,000 costed
 * events and for ten times as many; report latency across 100 plants and the time to close their period; and, on the
 * same data, the time PostgreSQL takes to compute the same Pareto from the costed events themselves. Prints
 * {@code name: value} lines, among them {@code json_p95_ms} for the 1M-event plant-month.
 */
public final class ReportingBenchmark {

    private static final String TENANT = "bench";
    private static final String PERIOD = "2026-10";
    private static final int WARMUP = 100;
    private static final int SAMPLES = 200;
    private static final Map<String, String> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("json", "application/json");
        FORMATS.put("csv", "text/csv");
        FORMATS.put("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        FORMATS.put("pdf", "application/pdf");
        FORMATS.put("html", "text/html");
    }

    private ReportingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int plants = 100;
        try (LocalStack stack = LocalStack.start(LocalStack.projectRoot(),
                LocalStack.projectRoot().resolve("bench/target/data/logs-reporting"), false,
                List.of(Service.REPORTING))) {
            try (Connection owner = stack.database().ownerConnection()) {
                owner.setAutoCommit(true);
                seedReferenceData(owner, plants);
                long started = System.nanoTime();
                seedEvents(owner, "BIG", events);
                seedEvents(owner, "HUGE", events * 10);
                for (int i = 1; i <= plants; i++) {
                    seedEvents(owner, plantOfMany(i), events / plants);
                }
                analyze(owner);
                print("seed_seconds", (System.nanoTime() - started) / 1e9);
                print("events", events);

                String base = stack.url(Service.REPORTING) + "/api/v1/reports/";
                Api controller = new Api(TestTokens.get().token(TENANT, "controller"));
                Api quality = new Api(TestTokens.get().token(TENANT, "quality"));
                Api supervisor = new Api(TestTokens.get().scopedToken(TENANT, List.of(), List.of("L1"), "supervisor"));
                Map<String, Api> views = new LinkedHashMap<>();
                views.put("controller", controller);
                views.put("quality", quality);
                views.put("supervisor", supervisor);

                // The JIT compiles the report paths of every format before anything is timed.
                for (int round = 0; round < WARMUP; round++) {
                    for (Map.Entry<String, Api> view : views.entrySet()) {
                        for (String accept : FORMATS.values()) {
                            view.getValue().get(url(base, view.getKey()), accept);
                        }
                    }
                }
                double jsonP95 = 0;
                for (Map.Entry<String, Api> view : views.entrySet()) {
                    String url = url(base, view.getKey());
                    for (Map.Entry<String, String> format : FORMATS.entrySet()) {
                        if (view.getValue().get(url, format.getValue()).status() != 200) {
                            print("report_" + view.getKey() + "_" + format.getKey() + "_status",
                                    view.getValue().get(url, format.getValue()).status());
                            continue;
                        }
                        double[] latencies = latencies(() -> view.getValue().get(url, format.getValue()).expect(200));
                        String name = "report_" + view.getKey() + "_" + format.getKey();
                        print(name + "_p50_ms", percentile(latencies, 50));
                        print(name + "_p95_ms", percentile(latencies, 95));
                        if (format.getKey().equals("json")) {
                            jsonP95 = Math.max(jsonP95, percentile(latencies, 95));
                        }
                    }
                }
                double[] tenTimes = latencies(() -> controller.get(base + "HUGE/" + PERIOD).expect(200));
                print("json_10x_events_p50_ms", percentile(tenTimes, 50));
                print("json_10x_events_p95_ms", percentile(tenTimes, 95));

                int[] next = { 0 };
                double[] acrossPlants = latencies(
                        () -> controller.get(base + plantOfMany(1 + next[0]++ % plants) + "/" + PERIOD).expect(200));
                print("json_100_plants_p95_ms", percentile(acrossPlants, 95));
                if (controller.get(base + "consolidated/" + PERIOD).status() == 200) {
                    double[] consolidated = latencies(
                            () -> controller.get(base + "consolidated/" + PERIOD).expect(200));
                    print("consolidated_102_plants_p95_ms", percentile(consolidated, 95));
                }

                print("raw_pareto_1x_ms", rawPareto(owner, "BIG"));
                print("raw_pareto_10x_ms", rawPareto(owner, "HUGE"));

                long closing = System.nanoTime();
                for (int i = 1; i <= plants; i++) {
                    controller.post(stack.url(Service.REPORTING) + "/api/v1/periods/" + plantOfMany(i) + "/" + PERIOD
                            + "/close", "{}").expect(200);
                }
                print("close_100_plants_seconds", (System.nanoTime() - closing) / 1e9);
                // The same consolidation once 100 of the 102 plant-periods are closed: their stored versions.
                if (controller.get(base + "consolidated/" + PERIOD).status() == 200) {
                    double[] closed = latencies(() -> controller.get(base + "consolidated/" + PERIOD).expect(200));
                    print("consolidated_102_plants_100_closed_p95_ms", percentile(closed, 95));
                }
                print("json_p95_ms", jsonP95);
            }
        }
    }

    private static String url(String base, String view) {
        return base + "BIG/" + PERIOD + "?view=" + view + (view.equals("supervisor") ? "&line=L1" : "");
    }

    private static String plantOfMany(int i) {
        return String.format(Locale.ROOT, "M%03d", i);
    }

    /** The tenant, its plants, and a catalog of 40 defect codes across the cost-of-quality classes. */
    private static void seedReferenceData(Connection owner, int plants) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenants (tenant_id) VALUES ('" + TENANT + "')");
            List<String> all = new ArrayList<>(List.of("BIG", "HUGE"));
            for (int i = 1; i <= plants; i++) {
                all.add(plantOfMany(i));
            }
            for (String plant : all) {
                statement.execute("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES ('"
                        + TENANT + "', '" + plant + "', 'Plant " + plant + "', 'USD', 'America/New_York')");
            }
            statement.execute("""
                    INSERT INTO defect_codes (tenant_id, code, description, category, coq_class)
                    SELECT 'bench', 'D-' || (100 + g), 'Defect ' || (100 + g), 'process',
                        CASE WHEN g % 10 = 0 THEN 'external_failure' ELSE 'internal_failure' END
                    FROM generate_series(0, 39) g""");
        }
    }

    /**
     * {@code count} defect records of one plant-month, their costed events, and the rollups summed from those events
     * exactly as costing keeps them. Costs are skewed so that a few defect codes carry most of the cost, as in a real
     * Pareto.
     */
    private static void seedEvents(Connection owner, String plant, int count) throws SQLException {
        String batch = "00000000-0000-0000-0000-" + String.format(Locale.ROOT, "%012d", Math.abs(plant.hashCode()));
        try (PreparedStatement records = owner.prepareStatement("""
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift)
                SELECT 'bench', 'mes', ? || '-' || g, 1, ?::uuid, md5(g::text), ?, 'L' || (1 + g % 3),
                    'WC-' || (1 + g % 3) || (1 + g % 4) || '0', 'MFG-' || (1000 + g % 400),
                    'D-' || (100 + floor(40 * power(random(), 3))::int), 1 + g % 9,
                    CASE WHEN g % 5 = 0 THEN 'rework' ELSE 'scrap' END,
                    timestamptz '2026-10-01 04:00:00+00' + (g % 2678400) * interval '1 second',
                    substr('ABC', 1 + g % 3, 1)
                FROM generate_series(1, ?) g""")) {
            records.setString(1, plant);
            records.setString(2, batch);
            records.setString(3, plant);
            records.setInt(4, count);
            records.execute();
        }
        try (PreparedStatement costed = owner.prepareStatement("""
                INSERT INTO costed_events (tenant_id, record_id, source, source_id, record_version, plant_id, period,
                    line_id, work_center_id, shift, part, defect_code, coq_class, disposition, cost_type, quantity,
                    unit_value, amount, currency, occurred_at)
                SELECT r.tenant_id, r.record_id, r.source, r.source_id, r.version, r.plant_id, ?, r.line_id,
                    r.work_center_id, r.shift, r.part, r.defect_code, c.coq_class, r.disposition, r.disposition,
                    r.quantity, 12.5 + (r.record_id % 400), round(r.quantity * (12.5 + (r.record_id % 400)), 2),
                    'USD', r.occurred_at
                FROM defect_records r JOIN defect_codes c ON c.tenant_id = r.tenant_id AND c.code = r.defect_code
                WHERE r.plant_id = ?""")) {
            costed.setString(1, PERIOD);
            costed.setString(2, plant);
            costed.execute();
        }
        try (PreparedStatement weeks = owner.prepareStatement("""
                INSERT INTO cost_rollups_weekly (tenant_id, plant_id, week_start, line_id, defect_code, amount, events)
                SELECT e.tenant_id, e.plant_id, date_trunc('week', e.occurred_at AT TIME ZONE p.time_zone)::date,
                    e.line_id, e.defect_code, sum(e.amount), count(*)
                FROM costed_events e JOIN plants p ON p.tenant_id = e.tenant_id AND p.plant_id = e.plant_id
                WHERE e.plant_id = ? AND NOT e.superseded
                GROUP BY 1, 2, 3, 4, 5""")) {
            weeks.setString(1, plant);
            weeks.execute();
        }
        try (PreparedStatement rollups = owner.prepareStatement("""
                INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift,
                    cost_type, coq_class, amount, quantity, events)
                SELECT tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type, coq_class,
                    sum(amount), sum(quantity), count(*)
                FROM costed_events WHERE plant_id = ? AND NOT superseded
                GROUP BY tenant_id, plant_id, period, line_id, work_center_id, defect_code, shift, cost_type, coq_class
                """)) {
            rollups.setString(1, plant);
            rollups.execute();
        }
    }

    private static void analyze(Connection owner) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("VACUUM ANALYZE defect_records, costed_events, cost_rollups");
        }
    }

    /** The median of five runs of the Pareto computed from the costed events themselves, in milliseconds. */
    private static double rawPareto(Connection owner, String plant) throws SQLException {
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long started = System.nanoTime();
            try (PreparedStatement pareto = owner.prepareStatement("""
                    SELECT defect_code, cost, cost / sum(cost) OVER () AS share,
                        sum(cost) OVER (ORDER BY cost DESC, defect_code) / sum(cost) OVER () AS cumulative_share
                    FROM (SELECT defect_code, sum(amount) AS cost FROM costed_events
                          WHERE tenant_id = 'bench' AND plant_id = ? AND period = ? AND NOT superseded
                          GROUP BY defect_code) c
                    ORDER BY cost DESC, defect_code""")) {
                pareto.setString(1, plant);
                pareto.setString(2, PERIOD);
                try (ResultSet rows = pareto.executeQuery()) {
                    while (rows.next()) {
                        rows.getBigDecimal("cumulative_share");
                    }
                }
            }
            runs[i] = (System.nanoTime() - started) / 1e6;
        }
        return percentile(runs, 50);
    }

    /** Milliseconds of {@link #SAMPLES} calls, after {@link #WARMUP} calls that are not counted. */
    private static double[] latencies(Supplier<?> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
        }
        double[] latencies = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            call.get();
            latencies[i] = (System.nanoTime() - started) / 1e6;
        }
        return latencies;
    }

}

package io.scrapline.bench;

import static io.scrapline.bench.BenchTenant.PLANTS;
import static io.scrapline.bench.BenchTenant.TENANT;
import static io.scrapline.bench.Figures.print;
import static io.scrapline.bench.Figures.printLatencies;
import static io.scrapline.bench.Figures.seconds;
import static io.scrapline.bench.Sql.doubleOf;
import static io.scrapline.bench.Sql.execute;
import static io.scrapline.bench.Sql.longOf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * {@code bench/run costing}: (a) re-costing a plant-month of 1,000,000 costed events through the re-costing job API,
 * against a bare set-based SQL join computing the same amounts on the same database; (b) the latency from ingest's
 * commit of one event to its costed event and rollups, for single events sent while a bulk load is costed. Prints
 * {@code name: value} lines, among them {@code ratio} (re-costing ÷ bare join) and {@code p99_ms}.
 */
public final class CostingBenchmark {

    private static final String PERIOD = "2026-10";
    private static final int SINGLES = 1000;
    private static final int BULK_ROWS = 200_000;

    /** The sweep's search for records to cost, as PendingRecordRepository.uncosted runs it: costing's queue. */
    private static final String UNCOSTED_SCAN = """
            SELECT d.record_id
            FROM costing_queue q
            CROSS JOIN LATERAL (
                SELECT d.* FROM defect_records d
                WHERE d.tenant_id = 'bench' AND d.record_id = q.record_id
                  AND NOT EXISTS (SELECT 1 FROM costed_events e WHERE e.tenant_id = d.tenant_id
                                  AND e.record_id = d.record_id AND NOT e.superseded)
                  AND NOT EXISTS (SELECT 1 FROM defect_records n WHERE n.tenant_id = d.tenant_id
                                  AND n.source = d.source AND n.source_id = d.source_id AND n.version > d.version)
                OFFSET 0) d
            WHERE q.tenant_id = 'bench' AND q.record_id > 0
            ORDER BY q.record_id LIMIT 2000""";

    private CostingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = LocalStack.projectRoot();
        Path data = root.resolve("bench/target/data");
        Files.createDirectories(data);
        Path bulk = IngestBenchmark.generate(data.resolve("defects-" + BULK_ROWS + ".csv"), BULK_ROWS);
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-costing"), false,
                List.of(Service.INGEST, Service.COSTING));
                Connection owner = stack.database().ownerConnection()) {
            owner.setAutoCommit(true);
            long started = System.nanoTime();
            seed(owner, events);
            print("events", events);
            print("seed_seconds", seconds(started));

            started = System.nanoTime();
            costingRun(stack);
            awaitCount(owner, "SELECT count(*) FROM costed_events WHERE tenant_id = 'bench' AND NOT superseded", events,
                    Duration.ofMinutes(60));
            print("first_cost_seconds", seconds(started));
            print("first_cost_events_per_s", events / seconds(started));
            execute(owner, "ANALYZE");

            restateCostRolls(owner, 1);
            double recostRate = recost(stack.url(Service.COSTING), owner, PLANTS, "");
            double bareRate = bareJoin(owner);
            print("recost_events_per_s", recostRate);
            print("bare_join_events_per_s", bareRate);
            print("ratio", recostRate / bareRate);

            latency(stack, owner, bulk);
            diagnose(owner);
        }
    }

    /** The bench tenant's reference data for three sources, and the records. */
    private static void seed(Connection owner, int events) throws SQLException {
        BenchTenant.seed(owner, List.of("bench-mes", "bulk-mes", "live-mes"));
        seedRecords(owner, "MES-", events, PLANTS, false, "2026-10-01 04:00:00+00", 2674800);
        execute(owner, "ANALYZE");
    }

    /**
     * {@code events} scrap records of source bench-mes, ids {@code prefix} and a number, spread over plants P1 to
     * P{@code plants} (one after the other with {@code plantByPlant}, as each plant's MES sends its own batches; else
     * in turn), three lines, 400 parts, 40 codes and six operations, and over {@code seconds} from {@code from} (a
     * month in New York: October is 2026-10-01 04:00Z plus 2,674,800 seconds).
     */
    static void seedRecords(Connection owner, String prefix, int events, int plants, boolean plantByPlant, String from,
            int seconds) throws SQLException {
        String plant = plantByPlant ? "((i - 1) * %d / %d + 1)".formatted(plants, events)
                : "(i %% %d + 1)".formatted(plants);
        execute(owner, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                SELECT 'bench', 'bench-mes', '%s' || lpad(i::text, 8, '0'), 1,
                    '00000000-0000-0000-0000-000000000002', 'h%s' || i, 'P' || %s, 'L' || (i %% 3 + 1),
                    'WC-' || (i %% 3 + 1) || (i %% 3 + 1) || '0', 'MFG-' || (1000 + i %% 400), 'D-' || (100 + i %% 40),
                    i %% 9 + 1, 'scrap', TIMESTAMPTZ '%s' + (i %% %d) * interval '1 second',
                    (ARRAY['A', 'B', 'C'])[i %% 3 + 1], lpad((10 * (i %% 6 + 1))::text, 4, '0')
                FROM generate_series(1, %d) i
                """.formatted(prefix, prefix, plant, from, seconds, events));
    }

    /** Costs everything pending through the service, as ingest's prompt does, with a service token. */
    static void costingRun(LocalStack stack) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient
                .newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(stack.url(Service.COSTING) + "/api/v1/costing/runs"))
                                .timeout(Duration.ofMinutes(60))
                                .header("Authorization",
                                        "Bearer " + TestServiceTokens.get().token("ingest-service", TENANT))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"record_type\": \"defects\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("costing answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Restates every cost-roll line, as an ERP does after a cost roll is corrected: version {@code version} + 1 of each
     * standard-cost record with 3 % more labor, so that every event's amount changes when it is re-costed. The
     * restatements are marked seen, so that the benchmark's requests, not costing's own trigger, queue the jobs.
     */
    static void restateCostRolls(Connection owner, int version) throws SQLException {
        execute(owner, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                SELECT tenant_id, source, plant_id, part, operation, effective_from, version + 1,
                    '00000000-0000-0000-0000-000000000003', 'h' || (version + 1), material_cost,
                    round(labor_cost * 1.03, 2), overhead_cost, currency
                FROM standard_cost_records WHERE tenant_id = 'bench' AND version = %d""".formatted(version));
        execute(owner, """
                INSERT INTO cost_roll_restatements (tenant_id, record_id)
                SELECT tenant_id, record_id FROM standard_cost_records WHERE tenant_id = 'bench' AND version = %d"""
                .formatted(version + 1));
        execute(owner, "ANALYZE standard_cost_records");
    }

    /**
     * Re-costs the month of plants P1 to P{@code plants} through the job API at {@code costing}; events per second from
     * the first request to the last job done. Figures are printed with {@code prefix}.
     */
    static double recost(String costing, Connection owner, int plants, String prefix) throws SQLException {
        Api controller = new Api(TestTokens.get().token(TENANT, "controller"));
        String jobs = costing + "/api/v1/recosting-jobs";
        long started = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        for (int p = 1; p <= plants; p++) {
            ids.add(controller.post(jobs, Map.of("plant", "P" + p, "period", PERIOD, "reason", "benchmark")).expect(202)
                    .json().get("id").asLong());
        }
        long total = 0;
        for (long id : ids) {
            while (true) {
                JsonNode job = controller.get(jobs + "/" + id).expect(200).json();
                String status = job.get("status").asText();
                if (status.equals("failed")) {
                    throw new IllegalStateException("re-costing job " + id + " failed: " + job);
                }
                if (status.equals("done")) {
                    total += job.get("done_events").asLong();
                    break;
                }
                LocalStack.sleep(200);
            }
        }
        double seconds = seconds(started);
        print(prefix + "recost_events", total);
        print(prefix + "recost_seconds", seconds);
        // Where the time went: from the first part claimed to the last part done, the parts' own durations, and the
        // replicas that worked on them.
        String parts = "FROM recosting_job_parts WHERE tenant_id = 'bench' AND job_id IN ("
                + ids.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        print(prefix + "recost_parts_span_seconds",
                doubleOf(owner, "SELECT extract(epoch FROM max(finished_at) - min(claimed_at)) " + parts));
        print(prefix + "recost_part_seconds_avg",
                doubleOf(owner, "SELECT avg(extract(epoch FROM finished_at - claimed_at)) " + parts));
        print(prefix + "recost_workers", longOf(owner, "SELECT count(DISTINCT claimed_by) " + parts));
        print(prefix + "recost_revised",
                longOf(owner, "SELECT count(DISTINCT event_id) FROM costed_event_revisions WHERE tenant_id = 'bench'"));
        print(prefix + "recost_superseded",
                longOf(owner, "SELECT count(*) FROM costed_events WHERE tenant_id = 'bench' AND superseded"));
        return total / seconds;
    }

    /**
     * The same amounts as one set-based statement: each current event's quantity times the cumulative standard cost
     * (latest version of each line) through its operation, rounded, into a scratch table; and how many differ from the
     * re-costed events'.
     */
    private static double bareJoin(Connection owner) throws SQLException {
        execute(owner, "CREATE TABLE bare_amounts (event_id bigint, amount numeric)");
        long started = System.nanoTime();
        long rows;
        try (Statement statement = owner.createStatement()) {
            rows = statement.executeUpdate("""
                    INSERT INTO bare_amounts (event_id, amount)
                    WITH latest AS (
                        SELECT DISTINCT ON (plant_id, part, operation) plant_id, part, operation,
                            material_cost + labor_cost + overhead_cost AS cost
                        FROM standard_cost_records WHERE tenant_id = 'bench'
                        ORDER BY plant_id, part, operation, version DESC),
                    roll AS (
                        SELECT plant_id, part, operation,
                            sum(cost) OVER (PARTITION BY plant_id, part ORDER BY operation) AS cumulative
                        FROM latest)
                    SELECT e.event_id, round(d.quantity * r.cumulative, 2)
                    FROM costed_events e
                    JOIN defect_records d ON d.tenant_id = e.tenant_id AND d.record_id = e.record_id
                    JOIN part_xrefs x ON x.tenant_id = d.tenant_id AND x.source = d.source AND x.source_part = d.part
                    JOIN roll r ON r.plant_id = d.plant_id AND r.part = x.part AND r.operation = d.operation
                    WHERE e.tenant_id = 'bench' AND NOT e.superseded""");
        }
        double seconds = seconds(started);
        print("bare_join_rows", rows);
        print("bare_join_seconds", seconds);
        print("bare_join_mismatches", longOf(owner, """
                SELECT count(*) FROM bare_amounts b JOIN costed_events e ON e.tenant_id = 'bench'
                    AND e.event_id = b.event_id
                WHERE e.amount <> b.amount"""));
        return rows / seconds;
    }

    /**
     * Sends single events through ingest, one every 50 ms, while a bulk batch is landed and costed, and measures from
     * each single event's commit (ingest's answer) until its costed event is in the database.
     */
    private static void latency(LocalStack stack, Connection owner, Path bulk) throws Exception {
        String ingest = stack.url(Service.INGEST) + "/api/v1/sources/";
        String token = TestTokens.get().token(TENANT, "ingest");
        long before = longOf(owner, "SELECT count(*) FROM costed_events WHERE tenant_id = 'bench'");
        CompletableFuture<BulkLoad> bulkLoad = BulkLoad.start(stack, "bulk-mes", bulk);
        LocalStack.sleep(2000);

        Map<String, Long> costed = new ConcurrentHashMap<>();
        CompletableFuture<Void> poller = CompletableFuture.runAsync(() -> poll(stack, costed));
        Api api = new Api(token);
        Map<String, Long> committed = Singles.send(SINGLES, Duration.ofMillis(50), i -> {
            String id = String.format(Locale.ROOT, "LIVE-%05d", i);
            api.postCsv(ingest + "live-mes/records/defects", Singles.csv(id, "P" + (1 + i % PLANTS),
                    "MFG-" + (1000 + i % 400), "D-" + (100 + i % 40), 2, "2026-10-20T10:00:00-04:00")).expect(201);
            return id;
        });
        poller.get();
        double bulkSeconds = bulkLoad.get().seconds();
        double[] millis = Singles.millis(committed, costed);
        print("bulk_rows", BULK_ROWS);
        print("bulk_ingest_seconds", bulkSeconds);
        print("bulk_costed_during_measurement",
                longOf(owner, "SELECT count(*) FROM costed_events WHERE tenant_id = 'bench'") - before - millis.length);
        print("singles", SINGLES);
        print("singles_costed", millis.length);
        printLatencies("", millis);
    }

    /**
     * Notes when each single event's costed row appears, polling every 10 ms, until all are costed or 10 minutes. Runs
     * commit out of event-id order, so each poll asks for every single event costed, not for those after the last id.
     */
    private static void poll(LocalStack stack, Map<String, Long> costed) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (Connection connection = stack.database().ownerConnection();
                Statement statement = connection.createStatement()) {
            while (costed.size() < SINGLES && System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery("SELECT source_id FROM costed_events "
                        + "WHERE tenant_id = 'bench' AND source = 'live-mes' AND NOT superseded")) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        costed.putIfAbsent(rows.getString(1), now);
                    }
                }
                LocalStack.sleep(10);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a prompted costing run spends its time at this size, outside the costing itself: looking for records to
     * cost (costing's queue of records landed or reopened since), and the re-open checks every run makes first.
     */
    private static void diagnose(Connection owner) throws SQLException {
        execute(owner, "ANALYZE");
        print("records", longOf(owner, "SELECT count(*) FROM defect_records WHERE tenant_id = 'bench'"));
        print("costing_queue_rows", longOf(owner, "SELECT count(*) FROM costing_queue WHERE tenant_id = 'bench'"));
        try (Statement statement = owner.createStatement();
                ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + UNCOSTED_SCAN)) {
            while (plan.next()) {
                System.err.println("PLAN " + plan.getString(1));
            }
        }
        print("uncosted_scan_ms", millisOf(owner, UNCOSTED_SCAN));
        // What writing the current events again costs PostgreSQL alone: the same rows, columns and indexes.
        execute(owner, "CREATE TABLE events_copy (LIKE costed_events INCLUDING DEFAULTS INCLUDING INDEXES)");
        long started = System.nanoTime();
        long copied;
        try (Statement statement = owner.createStatement()) {
            copied = statement.executeUpdate("INSERT INTO events_copy SELECT * FROM costed_events "
                    + "WHERE tenant_id = 'bench' AND NOT superseded AND source = 'bench-mes'");
        }
        print("event_rows_copy_per_s", copied / seconds(started));
        print("reopen_labor_versions_ms", millisOf(owner, """
                SELECT count(*) FROM costed_events e
                WHERE e.tenant_id = 'bench' AND NOT e.superseded
                  AND EXISTS (SELECT 1 FROM costed_labor c
                              JOIN rework_labor_records l ON l.tenant_id = c.tenant_id
                                   AND l.record_id = c.labor_record_id
                              JOIN rework_labor_records n ON n.tenant_id = l.tenant_id AND n.source = l.source
                                   AND n.source_id = l.source_id AND n.version > l.version
                              WHERE c.tenant_id = e.tenant_id AND c.event_id = e.event_id)"""));
    }

    private static double millisOf(Connection owner, String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
        return (System.nanoTime() - started) / 1e6;
    }

    static void awaitCount(Connection owner, String sql, long expected, Duration within) throws SQLException {
        long deadline = System.nanoTime() + within.toNanos();
        while (longOf(owner, sql) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all events costed within " + within);
            }
            LocalStack.sleep(1000);
        }
    }
}

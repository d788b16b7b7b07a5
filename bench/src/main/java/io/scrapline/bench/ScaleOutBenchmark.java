package io.scrapline.bench;

import static io.scrapline.bench.BenchTenant.TENANT;
import static io.scrapline.bench.Figures.print;
import static io.scrapline.bench.Figures.seconds;
import static io.scrapline.bench.Sql.execute;
import static io.scrapline.bench.Sql.longOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestTokens;

/**
 * {@code bench/run scale-out}: the month-end work with one replica of each worker service (costing, reporting) and with
 * two, as processes on this machine: re-costing a month of 1,000,000 events across 100 plants through the job API
 * (parts claimed by every replica), and closing the 100 plant-periods of an ended month through the close API (requests
 * spread over the replicas, as a Kubernetes Service spreads them). Both replicas run a warm-up first, so that neither
 * side of the comparison pays for a cold JVM; the second replica is then paused for one replica, resumed for two, and
 * paused again for one, and the ratio of two to the mean of the ones is printed.
 */
public final class ScaleOutBenchmark {

    /** Concurrent close requests, like a scheduler or a controller's script closing every plant at once. */
    private static final int CLIENTS = 8;

    private ScaleOutBenchmark() {
    }

    /** Throughputs of one measurement: events re-costed and plant-periods closed per second. */
    private record Rates(double recost, double close) {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int plants = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path root = LocalStack.projectRoot();
        Path data = root.resolve("bench/target/data");
        Files.createDirectories(data);
        Path logs = data.resolve("logs-scale-out");
        // Replicas start work on queued parts and closes within a second, so both measure the work, not the wait. The
        // run asks costing to cost the seeded months, as ingest's prompt does; the costing sweep is off.
        Map<String, String> settings = Map.of("SCRAPLINE_COSTING_RECOST_EVERY", "1s",
                "SCRAPLINE_REPORTING_CLOSE_WORK_EVERY", "1s", "SCRAPLINE_COSTING_SWEEP_EVERY", "off");
        try (LocalStack stack = LocalStack.start(root, logs, false,
                List.of(Service.INGEST, Service.COSTING, Service.REPORTING), settings);
                Connection owner = stack.database().ownerConnection()) {
            owner.setAutoCommit(true);
            print("cores", Runtime.getRuntime().availableProcessors());
            print("events", events);
            print("plants", plants);
            long started = System.nanoTime();
            BenchTenant.seed(owner, List.of("bench-mes"), plants);
            // October is re-costed; June is closed to warm up, then July, August and September, one per measurement.
            CostingBenchmark.seedRecords(owner, "MES-", events, plants, true, "2026-10-01 04:00:00+00", 2674800);
            CostingBenchmark.seedRecords(owner, "JUN-", events / 100, plants, true, "2026-06-01 04:00:00+00", 2588400);
            CostingBenchmark.seedRecords(owner, "JUL-", events / 10, plants, true, "2026-07-01 04:00:00+00", 2674800);
            CostingBenchmark.seedRecords(owner, "AUG-", events / 10, plants, true, "2026-08-01 04:00:00+00", 2674800);
            CostingBenchmark.seedRecords(owner, "SEP-", events / 10, plants, true, "2026-09-01 04:00:00+00", 2588400);
            execute(owner, "ANALYZE");
            // What each costing replica's backlog gauge costs PostgreSQL every refresh, with the month queued.
            print("queued_records", longOf(owner, "SELECT count(*) FROM costing_queue"));
            for (int i = 0; i < 3; i++) {
                long counting = System.nanoTime();
                longOf(owner, "SELECT backlog FROM backlog_uncosted_records(false)");
                print("backlog_gauge_count_ms", (System.nanoTime() - counting) / 1e6);
            }
            CostingBenchmark.costingRun(stack);
            CostingBenchmark.awaitCount(owner,
                    "SELECT count(*) FROM costed_events WHERE tenant_id = 'bench' AND NOT superseded",
                    events + events / 100 + 3L * (events / 10), Duration.ofMinutes(60));
            execute(owner, "ANALYZE");
            print("seed_and_first_cost_seconds", seconds(started));

            List<String> oneCosting = List.of(stack.url(Service.COSTING));
            List<String> oneReporting = List.of(stack.url(Service.REPORTING));
            List<String> twoCosting = List.of(oneCosting.get(0), stack.startReplica(root, logs, Service.COSTING));
            List<String> twoReporting = List.of(oneReporting.get(0), stack.startReplica(root, logs, Service.REPORTING));
            // The warm-up: a tenth of the plants re-costed and June closed, by both replicas.
            CostingBenchmark.restateCostRolls(owner, 1);
            CostingBenchmark.recost(twoCosting.get(0), owner, Math.max(1, plants / 10), "warmup_");
            close(owner, twoReporting, plants, "2026-06", "warmup_");

            stack.runReplicas(false);
            Rates one = measure(owner, oneCosting, oneReporting, plants, 2, "2026-07", "one_replica_");
            stack.runReplicas(true);
            Rates two = measure(owner, twoCosting, twoReporting, plants, 3, "2026-08", "two_replicas_");
            stack.runReplicas(false);
            Rates again = measure(owner, oneCosting, oneReporting, plants, 4, "2026-09", "one_replica_again_");
            stack.runReplicas(true);
            print("recost_ratio", two.recost() / ((one.recost() + again.recost()) / 2));
            print("close_ratio", two.close() / ((one.close() + again.close()) / 2));
        }
    }

    /**
     * Re-costs October after restating the cost rolls to version {@code version} + 1, then closes {@code period} of
     * every plant; prints the figures with {@code prefix} and the load average around each.
     */
    private static Rates measure(Connection owner, List<String> costing, List<String> reporting, int plants,
            int version, String period, String prefix) throws Exception {
        CostingBenchmark.restateCostRolls(owner, version);
        // Each measurement starts from a vacuumed database: the last one's revised events and revisions are not left
        // to autovacuum running beside this one.
        execute(owner, "VACUUM ANALYZE");
        print(prefix + "load_before", load());
        double recost = CostingBenchmark.recost(costing.get(0), owner, plants, prefix);
        print(prefix + "recost_events_per_s", recost);
        print(prefix + "load_after_recost", load());
        double close = close(owner, reporting, plants, period, prefix);
        print(prefix + "close_plant_periods_per_s", close);
        print(prefix + "load_after_close", load());
        return new Rates(recost, close);
    }

    /** Closes {@code period} of every plant, the requests spread over {@code reporting}; plant-periods a second. */
    private static double close(Connection owner, List<String> reporting, int plants, String period, String prefix)
            throws Exception {
        Api controller = new Api(TestTokens.get().token(TENANT, "controller"));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int p = 1; p <= plants; p++) {
                String url = reporting.get(p % reporting.size()) + "/api/v1/periods/P" + p + "/" + period + "/close";
                answers.add(clients.submit(() -> controller.post(url, "{}").status()));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status != 200 && status != 202) {
                    throw new IllegalStateException("a close answered " + status);
                }
            }
        } finally {
            clients.shutdown();
        }
        // A close answered 202 is queued or running on another replica: done once its job is.
        String done = "SELECT count(*) FROM period_close_jobs WHERE tenant_id = 'bench' AND period = '" + period
                + "' AND status = 'done'";
        CostingBenchmark.awaitCount(owner, done, plants, Duration.ofMinutes(30));
        double seconds = seconds(started);
        print(prefix + "close_seconds", seconds);
        print(prefix + "close_workers", longOf(owner, "SELECT count(DISTINCT claimed_by) FROM period_close_jobs "
                + "WHERE tenant_id = 'bench' AND period = '" + period + "'"));
        return plants / seconds;
    }

    /** The one-minute load average: how busy the machine's cores were, services and database together. */
    private static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}

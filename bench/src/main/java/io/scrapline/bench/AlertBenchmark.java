package io.scrapline.bench;

import static io.scrapline.bench.BenchTenant.PLANTS;
import static io.scrapline.bench.BenchTenant.TENANT;
import static io.scrapline.bench.Figures.print;
import static io.scrapline.bench.Figures.printLatencies;
import static io.scrapline.bench.Figures.seconds;
import static io.scrapline.bench.Sql.execute;
import static io.scrapline.bench.Sql.longOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestTokens;

/**
 * {@code bench/run alerts}: the latency from ingest's commit of one defect event to its alert's email accepted by the
 * SMTP server, for single events (probes) sent while a bulk load of defect records (one batch, or several back to back)
 * is ingested and costed in the same tenant and plants. Each probe is the first event of its own defect code in plant
 * P1, watched by its own rule (more than 0.5 events in a day) that notifies its own audience of one member, so each
 * probe opens one alert and sends one email, told apart by its address. The plants have rules of their own, never
 * crossed, that the bulk load's prompts and the sweeps evaluate; with {@code wide}, P1 has the plant-wide ones too,
 * which every probe's prompt then evaluates. Prints {@code name: value} lines, among them {@code alert_p50_ms} and
 * {@code alert_p99_ms}.
 */
public final class AlertBenchmark {

    private static final String BULK_SOURCE = "bulk-mes";
    private static final String PROBE_SOURCE = "probe-mes";
    private static final String PROBE_PLANT = "P1";
    private static final String MAIL_DOMAIN = "@bench.example";
    /** Probes sent first, not measured: the services' code paths are compiled. */
    private static final int WARMUP_PROBES = 10;
    /** Probes sent then, before the bulk load: the latency on an idle stack. */
    private static final int IDLE_PROBES = 20;
    /** The bulk load's rows occurred in the last whole days, so that the plants' rules evaluate their windows. */
    private static final int BULK_DAYS = 6;
    private static final String BULK_COSTED = "SELECT count(*) FROM costed_events WHERE tenant_id = 'bench' "
            + "AND source = 'bulk-mes'";
    /** A threshold no plant reaches: the plants' rules are evaluated, never alert. */
    private static final String UNREACHED = "1000000000";
    private static final Duration EMAILS_WITHIN = Duration.ofMinutes(2);
    /** The origin of {@link System#nanoTime()} on the wall clock, to compare the bench's times with the database's. */
    private static final long NANOS_AT = System.nanoTime();
    private static final long EPOCH_MICROS_AT = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    /**
     * Per probe, the transactions' start times (PostgreSQL's {@code now()}) of its costed event and its alert, and the
     * start and end of its email's first attempt, in microseconds since the epoch.
     */
    private static final String STAGES = """
            SELECT d.source_id, extract(epoch FROM e.costed_at) * 1e6, extract(epoch FROM a.created_at) * 1e6,
                extract(epoch FROM t.started_at) * 1e6, extract(epoch FROM t.finished_at) * 1e6
            FROM defect_records d
            JOIN costed_events e ON e.tenant_id = d.tenant_id AND e.record_id = d.record_id AND NOT e.superseded
            JOIN alert_log a ON a.tenant_id = d.tenant_id AND a.rule_id = d.source_id
            JOIN alert_deliveries q ON q.tenant_id = a.tenant_id AND q.alert_id = a.alert_id
            JOIN alert_delivery_attempts t ON t.tenant_id = q.tenant_id AND t.delivery_id = q.delivery_id
                AND t.attempt = 1
            WHERE d.tenant_id = 'bench' AND d.source = 'probe-mes'""";

    private AlertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Duration every = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 500);
        int bulkRows = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        // Several batches are posted back to back, as a connector catching up sends them: earlier ones are costed
        // while later ones are ingested.
        int bulkBatches = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String plantRules = args.length > 4 ? args[4] : "narrow";
        if (!List.of("narrow", "wide").contains(plantRules)) {
            throw new IllegalArgumentException("the fifth argument is narrow or wide, not " + plantRules);
        }
        boolean wide = plantRules.equals("wide");
        Path root = LocalStack.projectRoot();
        Path data = root.resolve("bench/target/data");
        Files.createDirectories(data);
        LocalDateTime from = LocalDateTime.now(ZoneOffset.ofHours(-4)).truncatedTo(ChronoUnit.DAYS)
                .minusDays(BULK_DAYS);
        List<Path> bulk = BulkLoad.split(
                IngestBenchmark.generate(data.resolve("defects-" + bulkRows + "-from-" + from.toLocalDate() + ".csv"),
                        bulkRows, from, BULK_DAYS),
                bulkBatches);
        int unmeasured = WARMUP_PROBES + IDLE_PROBES;
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-alerts"), false,
                List.of(Service.INGEST, Service.COSTING, Service.ALERT));
                Connection owner = stack.database().ownerConnection()) {
            owner.setAutoCommit(true);
            BenchTenant.seed(owner, List.of(BULK_SOURCE, PROBE_SOURCE));
            seedProbeCodes(owner, unmeasured + probes);
            writeRules(stack, unmeasured + probes, wide);
            Map<String, Long> accepted = new ConcurrentHashMap<>();
            Map<String, Integer> emails = new ConcurrentHashMap<>();
            listen(stack, accepted, emails);
            Api ingest = new Api(TestTokens.get().token(TENANT, "ingest"));
            String probeUrl = stack.url(Service.INGEST) + "/api/v1/sources/" + PROBE_SOURCE + "/records/defects";

            awaitEmails(Singles.send(WARMUP_PROBES, every, i -> probe(ingest, probeUrl, i)), accepted);
            Map<String, Long> idle = Singles.send(IDLE_PROBES, every, i -> probe(ingest, probeUrl, WARMUP_PROBES + i));
            awaitEmails(idle, accepted);

            CompletableFuture<List<BulkLoad>> bulkLoad = BulkLoad.start(stack, BULK_SOURCE, bulk);
            CompletableFuture<Long> allPosted = bulkLoad.thenApply(loads -> System.nanoTime());
            LocalStack.sleep(2000);
            long costedBefore = longOf(owner, BULK_COSTED);
            double loadBefore = loadAverage();
            long started = System.nanoTime();
            Map<String, Long> committed = Singles.send(probes, every, i -> probe(ingest, probeUrl, unmeasured + i));
            double probeSeconds = seconds(started);
            long costedDuring = longOf(owner, BULK_COSTED) - costedBefore;
            double loadAfter = loadAverage();
            awaitEmails(committed, accepted);
            List<BulkLoad> loads = bulkLoad.get();
            long bulkAccepted = loads.stream().mapToLong(load -> load.summary().get("accepted").asLong()).sum();
            double ingestSeconds = loads.stream().mapToDouble(BulkLoad::seconds).sum();
            long costedAtEnd = longOf(owner, BULK_COSTED);
            long loadEnded = allPosted.get();
            long costingEnded = costedAtEnd < bulkAccepted ? Long.MAX_VALUE
                    : nanosOf(Sql.doubleOf(owner, "SELECT extract(epoch FROM max(costed_at)) * 1e6 FROM costed_events "
                            + "WHERE tenant_id = 'bench' AND source = 'bulk-mes'"));

            System.out.println("probe_plant_rules: " + plantRules);
            print("bulk_rows", bulkAccepted);
            print("bulk_batches", loads.size());
            print("bulk_ingest_seconds", ingestSeconds);
            print("bulk_ingest_rows_per_s", bulkAccepted / ingestSeconds);
            print("bulk_costed_per_s_during_probes", costedDuring / probeSeconds);
            print("bulk_costed_at_last_email", costedAtEnd);
            print("load_average_at_first_probe", loadBefore);
            print("load_average_at_last_probe", loadAfter);
            print("probes", probes);
            print("probe_interval_ms", every.toMillis());
            print("probe_seconds", probeSeconds);
            // Each measured probe opened one alert and sent one email: both equal to probes.
            print("probe_alerts",
                    longOf(owner, "SELECT count(*) FROM alert_log WHERE rule_id LIKE 'probe-%' AND rule_id > '"
                            + probeName(unmeasured) + "'"));
            print("probe_emails", committed.keySet().stream().mapToInt(name -> emails.getOrDefault(name, 0)).sum());
            printLatencies("idle_alert_", Singles.millis(idle, accepted));
            printPhase("during_load", committed, accepted, commit -> commit < loadEnded);
            printPhase("while_costing", committed, accepted, commit -> commit >= loadEnded && commit < costingEnded);
            printPhase("after_bulk", committed, accepted, commit -> commit >= costingEnded);
            breakdown(owner, "idle_stage_", idle);
            breakdown(owner, "stage_", committed);
            double[] millis = Singles.millis(committed, accepted);
            print("probes_emailed", millis.length);
            printLatencies("alert_", millis);
        }
    }

    /**
     * How many probes were committed in a phase of the bulk load and their latencies: while batches are still posted
     * (and earlier ones costed), while the last ones are costed, after.
     */
    private static void printPhase(String phase, Map<String, Long> committed, Map<String, Long> accepted,
            LongPredicate inPhase) {
        Map<String, Long> probes = new HashMap<>();
        committed.forEach((name, commit) -> {
            if (inPhase.test(commit)) {
                probes.put(name, commit);
            }
        });
        double[] millis = Singles.millis(probes, accepted);
        print("probes_" + phase, millis.length);
        if (millis.length > 0) {
            printLatencies("alert_" + phase + "_", millis);
        }
    }

    /** The machine's load average over the last minute: the other processes' too. */
    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** A time of the database's clock, in microseconds since the epoch, as a {@link System#nanoTime()}. */
    private static long nanosOf(double epochMicros) {
        return NANOS_AT + (long) ((epochMicros - EPOCH_MICROS_AT) * 1e3);
    }

    /** A defect code per probe, in the category of the plants' own codes, known to the probes' source. */
    private static void seedProbeCodes(Connection owner, int count) throws SQLException {
        execute(owner, """
                INSERT INTO defect_codes (tenant_id, code, description, category, coq_class)
                SELECT 'bench', 'probe-' || lpad(n::text, 5, '0'), 'Probe ' || n, 'machining', 'internal_failure'
                FROM generate_series(1, %d) n""".formatted(count));
        execute(owner, """
                INSERT INTO defect_code_xrefs (tenant_id, source, source_code, defect_code)
                SELECT 'bench', '%s', code, code FROM defect_codes WHERE tenant_id = 'bench' AND code LIKE 'probe-%%'
                """.formatted(PROBE_SOURCE));
        execute(owner, "ANALYZE");
    }

    /**
     * Each probe's audience and rule; rules of every plant that watch the bulk load without alerting: line L1's cost
     * per shift and per day; and, on every plant but P1 (on P1 too if {@code wide}), plant-wide ones: machining cost of
     * the week to date and events of the period to date.
     */
    private static void writeRules(LocalStack stack, int probes, boolean wide) {
        Api admin = new Api(TestTokens.get().token(TENANT, "admin"));
        String alerts = stack.url(Service.ALERT) + "/api/v1/";
        admin.put(alerts + "audiences/plant-quality", audience("Plant quality", "plant-quality")).expect(204);
        for (int p = 1; p <= PLANTS; p++) {
            String plant = "P" + p;
            admin.put(alerts + "alert-rules/" + plant + "-l1-shift-cost",
                    rule(plant, Map.of("line", "L1"), "cost", "shift", UNREACHED, "plant-quality")).expect(204);
            admin.put(alerts + "alert-rules/" + plant + "-l1-day-cost",
                    rule(plant, Map.of("line", "L1"), "cost", "day", UNREACHED, "plant-quality")).expect(204);
            if (wide || !plant.equals(PROBE_PLANT)) {
                admin.put(alerts + "alert-rules/" + plant + "-machining-week-cost", rule(plant,
                        Map.of("defect_category", "machining"), "cost", "week_to_date", UNREACHED, "plant-quality"))
                        .expect(204);
                admin.put(alerts + "alert-rules/" + plant + "-period-events",
                        rule(plant, Map.of(), "events", "period_to_date", UNREACHED, "plant-quality")).expect(204);
            }
        }
        for (int i = 1; i <= probes; i++) {
            String name = probeName(i);
            admin.put(alerts + "audiences/" + name, audience("Probe " + i, name)).expect(204);
            admin.put(alerts + "alert-rules/" + name,
                    rule(PROBE_PLANT, Map.of("defect_code", name), "events", "day", "0.5", name)).expect(204);
        }
    }

    private static Map<String, Object> audience(String member, String mailbox) {
        return Map.of("members", List.of(Map.of("name", member, "role", "quality", "email", mailbox + MAIL_DOMAIN)));
    }

    private static Map<String, Object> rule(String plant, Map<String, String> scope, String metric, String window,
            String threshold, String audience) {
        Map<String, Object> rule = new HashMap<>(scope);
        rule.putAll(Map.of("plant", plant, "metric", metric, "window", window, "thresholds",
                List.of(Map.of("level", "warning", "value", threshold, "audiences", List.of(audience)))));
        return rule;
    }

    /** Sends probe {@code i}: one unit of its own code, occurred a minute ago; returns its name. */
    private static String probe(Api ingest, String url, int i) {
        String name = probeName(i);
        String occurred = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        ingest.postCsv(url, Singles.csv(name, PROBE_PLANT, "MFG-" + (1000 + i % 400), name, 1, occurred)).expect(201);
        return name;
    }

    private static String probeName(int i) {
        return String.format(Locale.ROOT, "probe-%05d", i);
    }

    /**
     * Notes when the SMTP server takes each message, per mailbox: GreenMail hands every recipient of a message to the
     * delivery handler once the message is in, before it answers the client's end of data.
     */
    private static void listen(LocalStack stack, Map<String, Long> accepted, Map<String, Integer> emails) {
        UserManager users = stack.mail().getUserManager();
        MessageDeliveryHandler store = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            long now = System.nanoTime();
            String mailbox = address.getEmail().replace(MAIL_DOMAIN, "");
            accepted.putIfAbsent(mailbox, now);
            emails.merge(mailbox, 1, Integer::sum);
            return store.handle(message, address);
        });
    }

    /** Waits until each probe's email is in, or {@link #EMAILS_WITHIN}; fails if none of them came. */
    private static void awaitEmails(Map<String, Long> committed, Map<String, Long> accepted) {
        long deadline = System.nanoTime() + EMAILS_WITHIN.toNanos();
        while (!accepted.keySet().containsAll(committed.keySet()) && System.nanoTime() < deadline) {
            LocalStack.sleep(100);
        }
        if (committed.keySet().stream().noneMatch(accepted::containsKey)) {
            throw new IllegalStateException("no probe's email came within " + EMAILS_WITHIN + ": see the logs");
        }
    }

    /**
     * Where the probes' time went, from the rows' timestamps (the start of the transaction that wrote the row, for the
     * costed event and the alert; the attempt's start and end as the worker noted them): commit to the costing
     * transaction, that to the evaluation's transaction that opened the alert, that to the first delivery attempt, and
     * the attempt itself (reading the alert, the SMTP conversation, recording it).
     */
    private static void breakdown(Connection owner, String prefix, Map<String, Long> committed) throws SQLException {
        List<String> names = List.of("costing_started_", "alert_opened_", "attempt_started_", "attempt_");
        double[][] stages = new double[names.size()][committed.size()];
        int n = 0;
        try (Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery(STAGES)) {
            while (rows.next()) {
                Long commit = committed.get(rows.getString(1));
                if (commit == null) {
                    continue;
                }
                double previous = EPOCH_MICROS_AT + (commit - NANOS_AT) / 1e3;
                for (int stage = 0; stage < names.size(); stage++) {
                    double at = rows.getDouble(stage + 2);
                    stages[stage][n] = (at - previous) / 1e3;
                    previous = at;
                }
                n++;
            }
        }
        for (int stage = 0; n > 0 && stage < names.size(); stage++) {
            printLatencies(prefix + names.get(stage), Arrays.copyOf(stages[stage], n));
        }
    }
}

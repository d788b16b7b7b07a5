package io.scrapline.bench;

import static io.scrapline.bench.Figures.print;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.postgresql.PGConnection;

import io.scrapline.bench.LocalStack.Service;

/**
 * {@code bench/run ingest}: end-to-end ingest throughput through the HTTP API into the database, against the raw
 * {@code COPY} throughput of the same PostgreSQL on the same file (and into a copy of the landing table, with its
 * indexes); the ingest service's peak memory for 100k and 1M rows; the cost of re-sending the same file; a first load
 * into a fresh database against one into a table with statistics; and a small batch of the same source while the large
 * one runs. Prints {@code name: value} lines, the last one the ratio.
 */
public final class IngestBenchmark {

    private static final String TENANT = "bench";
    private static final List<String> PLANTS = List.of("P1", "P2", "P3", "P4", "P5");
    private static final String HEADER = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,"
            + "occurred_at,shift,work_order,operation";
    /** The file's columns as the landing table names them. */
    private static final String COPY_COLUMNS = HEADER.replace("plant,", "plant_id,").replace("line,", "line_id,")
            .replace("work_center,", "work_center_id,");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = LocalStack.projectRoot();
        Path data = root.resolve("bench/target/data");
        Files.createDirectories(data);
        Path small = generate(data.resolve("defects-100k.csv"), 100_000);
        Path smallMore = generate(data.resolve("defects-100k-more.csv"), 100_000, "MES-B");
        Path large = generate(data.resolve("defects-" + rows + ".csv"), rows);
        Path ncrs = generateNcrs(data.resolve("ncrs-100k.csv"), 100_000);

        long smallPeak;
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-100k"), false, List.of(Service.INGEST))) {
            registerPlants(stack);
            BulkLoad.post(stack, "bench-mes", small);
            smallPeak = peakRssMb(stack.process(Service.INGEST));
        }
        // A fresh database against one with statistics, in a service warmed up by a batch of NCRs (another table), so
        // that the figure compares the database's plans, not the JIT's first minutes.
        BulkLoad fresh;
        BulkLoad warm;
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-fresh"), false, List.of(Service.INGEST))) {
            registerPlants(stack);
            BulkLoad.post(stack, "bench-mes", "ncrs", HttpRequest.BodyPublishers.ofFile(ncrs));
            fresh = BulkLoad.post(stack, "bench-mes", small);
            analyze(stack);
            warm = BulkLoad.post(stack, "bench-mes", smallMore);
        }
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-large"), false, List.of(Service.INGEST))) {
            registerPlants(stack);
            double cpuBefore = cpuSeconds(stack.process(Service.INGEST));
            CompletableFuture<BulkLoad> firstLoad = BulkLoad.start(stack, "bench-mes", large);
            double sameSourceMillis = sameSourceSmallBatch(stack, firstLoad);
            BulkLoad first = firstLoad.join();
            double serviceCpu = cpuSeconds(stack.process(Service.INGEST)) - cpuBefore;
            long largePeak = peakRssMb(stack.process(Service.INGEST));
            BulkLoad again = BulkLoad.post(stack, "bench-mes", large);
            double copySeconds = copy(stack, large);
            double copySameSeconds = copySameTable(stack, large);
            double apiRate = rows / first.seconds();
            double copyRate = rows / copySeconds;
            print("rows", rows);
            print("file_mb", Files.size(large) / (1024 * 1024));
            print("api_seconds", first.seconds());
            print("api_rows_per_s", apiRate);
            print("api_accepted", first.summary().get("accepted").asLong());
            print("api_service_cpu_us_per_row", serviceCpu * 1e6 / rows);
            print("resend_seconds", again.seconds());
            print("resend_duplicates", again.summary().get("duplicates").asLong());
            print("resend_accepted", again.summary().get("accepted").asLong());
            print("fresh_db_seconds_100k", fresh.seconds());
            print("warm_db_seconds_100k", warm.seconds());
            print("fresh_db_slowdown", fresh.seconds() / warm.seconds());
            print("same_source_small_batch_ms", sameSourceMillis);
            print("copy_seconds", copySeconds);
            print("copy_rows_per_s", copyRate);
            print("copy_same_table_seconds", copySameSeconds);
            print("copy_same_table_rows_per_s", rows / copySameSeconds);
            print("peak_rss_mb_100k", smallPeak);
            print("peak_rss_mb_" + (rows >= 1_000_000 ? rows / 1_000_000 + "m" : rows / 1000 + "k"), largePeak);
            print("ratio", apiRate / copyRate);
        }
    }

    /** A synthetic October 2026 of defect records across five plants; the same file for the same size every time. */
    static Path generate(Path file, int rows) throws IOException {
        return generate(file, rows, "MES-", LocalDateTime.of(2026, 10, 1, 0, 0), 31);
    }

    /** As {@link #generate(Path, int)}, with source ids that start with {@code prefix}: other records, same shape. */
    static Path generate(Path file, int rows, String prefix) throws IOException {
        return generate(file, rows, prefix, LocalDateTime.of(2026, 10, 1, 0, 0), 31);
    }

    /**
     * Defect records across five plants that occurred in the {@code days} days from {@code from} (at UTC-4), the same
     * rows for the same size, start and days; an existing {@code file} is taken as it is.
     */
    static Path generate(Path file, int rows, LocalDateTime from, int days) throws IOException {
        return generate(file, rows, "MES-", from, days);
    }

    private static Path generate(Path file, int rows, String prefix, LocalDateTime from, int days) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(rows);
        String[] dispositions = { "scrap", "scrap", "scrap", "rework", "use_as_is", "return_to_vendor" };
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (int i = 1; i <= rows; i++) {
                String plant = PLANTS.get(i % PLANTS.size());
                int line = 1 + random.nextInt(3);
                LocalDateTime at = from.plusSeconds(random.nextInt(days * 24 * 3600));
                out.write(String.format(Locale.ROOT, "%s%08d,%s,L%d,WC-%d%d0,MFG-%04d,D-%03d,%d,%s,%s,%s,WO-%06d,%04d",
                        prefix, i, plant, line, line, 1 + random.nextInt(3), 1000 + random.nextInt(400),
                        100 + random.nextInt(40), 1 + random.nextInt(9), dispositions[random.nextInt(6)],
                        at.atOffset(ZoneOffset.ofHours(-4)), "ABC".charAt(random.nextInt(3)), random.nextInt(200_000),
                        10 * (1 + random.nextInt(6))));
                out.newLine();
            }
        }
        return file;
    }

    private static void registerPlants(LocalStack stack) throws SQLException {
        try (Connection owner = stack.database().ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenants (tenant_id) VALUES ('" + TENANT + "')");
            for (String plant : PLANTS) {
                statement.execute("INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone) VALUES ('"
                        + TENANT + "', '" + plant + "', 'Plant " + plant + "', 'USD', 'America/New_York')");
            }
        }
    }

    /** 100k NCRs of the five plants, to warm the service up with. */
    static Path generateNcrs(Path file, int rows) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("source_id,plant,status,opened_at,quantity");
            out.newLine();
            for (int i = 1; i <= rows; i++) {
                out.write(String.format(Locale.ROOT, "NCR-%08d,%s,open,2026-10-%02dT08:00:00Z,%d", i,
                        PLANTS.get(i % PLANTS.size()), 1 + i % 28, 1 + i % 9));
                out.newLine();
            }
        }
        return file;
    }

    /**
     * How long a 10-row batch of the same source takes while the large batch is being landed: sent once the large batch
     * has been running for a while (its transaction is open), so that any lock the large batch holds on its source
     * would keep the small one waiting.
     */
    private static double sameSourceSmallBatch(LocalStack stack, CompletableFuture<BulkLoad> large)
            throws IOException, InterruptedException {
        LocalStack.sleep(3000);
        if (large.isDone()) {
            throw new IllegalStateException("the large batch ended before the small one was sent: use more rows");
        }
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 10; i++) {
            csv.append(String.format(Locale.ROOT,
                    "SMALL-%02d,P1,L1,WC-110,MFG-1000,D-100,1,scrap," + "2026-10-14T09:30:00-04:00,A,WO-000001,0010%n",
                    i));
        }
        BulkLoad small = BulkLoad.post(stack, "bench-mes", HttpRequest.BodyPublishers.ofString(csv.toString()));
        if (large.isDone()) {
            System.err.println("the large batch ended before the small one did: same_source_small_batch_ms is not "
                    + "measured against a running batch");
        }
        return small.seconds() * 1000;
    }

    /** Statistics of the landing tables, as autovacuum would gather them after a first load. */
    private static void analyze(LocalStack stack) throws SQLException {
        try (Connection owner = stack.database().ownerConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("ANALYZE defect_records");
        }
    }

    /**
     * PostgreSQL's own COPY of the same file into a copy of {@code defect_records} with all its indexes, the columns
     * the file has not (tenant, source, version, batch, digest) taken from defaults of one batch: what the landing
     * table's schema costs by itself.
     */
    private static double copySameTable(LocalStack stack, Path file) throws SQLException, IOException {
        try (Connection owner = stack.database().ownerConnection()) {
            try (Statement statement = owner.createStatement()) {
                statement.execute("CREATE TABLE copy_same_table (LIKE defect_records INCLUDING ALL)");
                statement.execute("ALTER TABLE copy_same_table ALTER tenant_id SET DEFAULT '" + TENANT
                        + "', ALTER source SET DEFAULT 'bench-mes', ALTER version SET DEFAULT 1, "
                        + "ALTER batch_id SET DEFAULT '" + UUID.randomUUID() + "', ALTER content_hash SET DEFAULT '"
                        + "0".repeat(64) + "'");
            }
            long started = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                owner.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY copy_same_table (" + COPY_COLUMNS + ") FROM STDIN WITH (FORMAT csv, HEADER true)",
                        reader);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** PostgreSQL's own COPY of the same file into a table of the same columns and types, with a primary key. */
    private static double copy(LocalStack stack, Path file) throws SQLException, IOException {
        try (Connection owner = stack.database().ownerConnection()) {
            try (Statement statement = owner.createStatement()) {
                statement.execute("""
                        CREATE TABLE copy_defects (source_id text PRIMARY KEY, plant_id text NOT NULL,
                            line_id text NOT NULL, work_center_id text NOT NULL, part text NOT NULL,
                            defect_code text NOT NULL, quantity numeric(18, 6) NOT NULL, disposition text NOT NULL,
                            occurred_at timestamptz NOT NULL, shift text, work_order text, operation text)""");
            }
            long started = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                owner.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY copy_defects (" + COPY_COLUMNS + ") FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /** The CPU time the process has used so far (user and system), in seconds. */
    private static double cpuSeconds(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, fields 14 and 15 of stat, in clock ticks of 1/100 s
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** The process's peak resident memory (VmHWM), in MiB. */
    private static long peakRssMb(Process process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for process " + process.pid());
    }
}

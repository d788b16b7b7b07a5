package io.scrapline.bench;

import static io.scrapline.bench.Figures.print;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestTokens;

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

    /** What one load through the API measured. */
    record Load(double seconds, JsonNode summary) {
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
            load(stack, small);
            smallPeak = peakRssMb(stack.process(Service.INGEST));
        }
        // A fresh database against one with statistics, in a service warmed up by a batch of NCRs (another table), so
        // that the figure compares the database's plans, not the JIT's first minutes.
        Load fresh;
        Load warm;
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-fresh"), false, List.of(Service.INGEST))) {
            registerPlants(stack);
            load(stack, HttpRequest.BodyPublishers.ofFile(ncrs), "ncrs");
            fresh = load(stack, small);
            analyze(stack);
            warm = load(stack, smallMore);
        }
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-large"), false, List.of(Service.INGEST))) {
            registerPlants(stack);
            double cpuBefore = cpuSeconds(stack.process(Service.INGEST));
            CompletableFuture<Load> firstLoad = CompletableFuture.supplyAsync(() -> loadUnchecked(stack, large));
            double sameSourceMillis = sameSourceSmallBatch(stack, firstLoad);
            Load first = firstLoad.join();
            double serviceCpu = cpuSeconds(stack.process(Service.INGEST)) - cpuBefore;
            long largePeak = peakRssMb(stack.process(Service.INGEST));
            Load again = load(stack, large);
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

    /** A synthetic month of defect records across five plants; the same file for the same size every time. */
    static Path generate(Path file, int rows) throws IOException {
        return generate(file, rows, "MES-");
    }

    /** As {@link #generate(Path, int)}, with source ids that start with {@code prefix}: other records, same shape. */
    static Path generate(Path file, int rows, String prefix) throws IOException {
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
                LocalDateTime at = LocalDateTime.of(2026, 10, 1, 0, 0).plusSeconds(random.nextInt(31 * 24 * 3600));
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

    private static Load load(LocalStack stack, Path file) throws IOException, InterruptedException {
        return load(stack, HttpRequest.BodyPublishers.ofFile(file), Duration.ofMinutes(20));
    }

    private static Load load(LocalStack stack, HttpRequest.BodyPublisher body, String type)
            throws IOException, InterruptedException {
        return load(stack, body, Duration.ofMinutes(20), type);
    }

    private static Load loadUnchecked(LocalStack stack, Path file) {
        try {
            return load(stack, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Load load(LocalStack stack, HttpRequest.BodyPublisher body, Duration timeout)
            throws IOException, InterruptedException {
        return load(stack, body, timeout, "defects");
    }

    private static Load load(LocalStack stack, HttpRequest.BodyPublisher body, Duration timeout, String type)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(stack.url(Service.INGEST) + "/api/v1/sources/bench-mes/records/" + type))
                .timeout(timeout).header("Authorization", "Bearer " + TestTokens.get().token(TENANT, "ingest"))
                .header("Content-Type", "text/csv; charset=UTF-8").POST(body).build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        return new Load(seconds, new ObjectMapper().readTree(response.body()));
    }

    /**
     * How long a 10-row batch of the same source takes while the large batch is being landed: sent once the large batch
     * has been running for a while (its transaction is open), so that any lock the large batch holds on its source
     * would keep the small one waiting.
     */
    private static double sameSourceSmallBatch(LocalStack stack, CompletableFuture<Load> large)
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
        Load small = load(stack, HttpRequest.BodyPublishers.ofString(csv.toString()), Duration.ofMinutes(20));
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

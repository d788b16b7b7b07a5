package io.scrapline.bench;

import static io.scrapline.bench.Figures.print;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
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

import org.postgresql.PGConnection;

import io.scrapline.bench.LocalStack.Service;

/**
 * {@code bench/run ingest}: end-to-end ingest throughput through the HTTP API into the database, against the raw
 * {@code COPY} throughput of the same PostgreSQL on the same file; the ingest service's peak memory for 100k and 1M
 * rows; and the cost of re-sending the same file. Prints {@code name: value} lines, the last one the ratio.
 */
public final class IngestBenchmark {

    private static final String TENANT = "bench";
    private static final List<String> PLANTS = List.of("P1", "P2", "P3", "P4", "P5");
    private static final String HEADER = "source_id,plant,line,work_center,part,defect_code,quantity,disposition,"
            + "occurred_at,shift,work_order,operation";

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = LocalStack.projectRoot();
        Path data = root.resolve("bench/target/data");
        Files.createDirectories(data);
        Path small = generate(data.resolve("defects-100k.csv"), 100_000);
        Path large = generate(data.resolve("defects-" + rows + ".csv"), rows);

        long smallPeak;
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-100k"), false, List.of(Service.INGEST))) {
            registerPlants(stack);
            BulkLoad.post(stack, "bench-mes", small);
            smallPeak = peakRssMb(stack.process(Service.INGEST));
        }
        try (LocalStack stack = LocalStack.start(root, data.resolve("logs-large"), false, List.of(Service.INGEST))) {
            registerPlants(stack);
            BulkLoad first = BulkLoad.post(stack, "bench-mes", large);
            long largePeak = peakRssMb(stack.process(Service.INGEST));
            BulkLoad again = BulkLoad.post(stack, "bench-mes", large);
            double copySeconds = copy(stack, large);
            double apiRate = rows / first.seconds();
            double copyRate = rows / copySeconds;
            print("rows", rows);
            print("file_mb", Files.size(large) / (1024 * 1024));
            print("api_seconds", first.seconds());
            print("api_rows_per_s", apiRate);
            print("api_accepted", first.summary().get("accepted").asLong());
            print("resend_seconds", again.seconds());
            print("resend_duplicates", again.summary().get("duplicates").asLong());
            print("resend_accepted", again.summary().get("accepted").asLong());
            print("copy_seconds", copySeconds);
            print("copy_rows_per_s", copyRate);
            print("peak_rss_mb_100k", smallPeak);
            print("peak_rss_mb_" + (rows >= 1_000_000 ? rows / 1_000_000 + "m" : rows / 1000 + "k"), largePeak);
            print("ratio", apiRate / copyRate);
        }
    }

    /** A synthetic October 2026 of defect records across five plants; the same file for the same size every time. */
    static Path generate(Path file, int rows) throws IOException {
        return generate(file, rows, LocalDateTime.of(2026, 10, 1, 0, 0), 31);
    }

    /**
     * Defect records across five plants that occurred in the {@code days} days from {@code from} (at UTC-4), the same
     * rows for the same size, start and days; an existing {@code file} is taken as it is.
     */
    static Path generate(Path file, int rows, LocalDateTime from, int days) throws IOException {
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
                out.write(String.format(Locale.ROOT,
                        "MES-%08d,%s,L%d,WC-%d%d0,MFG-%04d,D-%03d,%d,%s,%s,%s,WO-%06d,%04d", i, plant, line, line,
                        1 + random.nextInt(3), 1000 + random.nextInt(400), 100 + random.nextInt(40),
                        1 + random.nextInt(9), dispositions[random.nextInt(6)], at.atOffset(ZoneOffset.ofHours(-4)),
                        "ABC".charAt(random.nextInt(3)), random.nextInt(200_000), 10 * (1 + random.nextInt(6))));
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
                owner.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY copy_defects ("
                                + HEADER.replace("plant,", "plant_id,").replace("line,", "line_id,")
                                        .replace("work_center,", "work_center_id,")
                                + ") FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
            }
            return (System.nanoTime() - started) / 1e9;
        }
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

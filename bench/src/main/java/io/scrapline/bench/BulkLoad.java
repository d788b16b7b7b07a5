package io.scrapline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestTokens;

/**
 * A file of defect records posted to ingest in one request of tenant {@code bench}, as an MES's export arrives: how
 * long ingest took to answer, and its summary ({@code accepted}, {@code duplicates}, ...).
 */
record BulkLoad(double seconds, JsonNode summary) {

    /** Posts {@code file} as {@code source}'s defect records and waits for the answer (201). */
    static BulkLoad post(LocalStack stack, String source, Path file) throws IOException, InterruptedException {
        return post(stack, source, HttpRequest.BodyPublishers.ofFile(file));
    }

    /** Posts {@code body}, CSV, as {@code source}'s defect records and waits for the answer (201). */
    static BulkLoad post(LocalStack stack, String source, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return post(stack, source, "defects", body);
    }

    /** Posts {@code body}, CSV, as {@code source}'s records of {@code type} and waits for the answer (201). */
    static BulkLoad post(LocalStack stack, String source, String type, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(stack.url(Service.INGEST) + "/api/v1/sources/" + source + "/records/" + type))
                .timeout(Duration.ofMinutes(20))
                .header("Authorization", "Bearer " + TestTokens.get().token(BenchTenant.TENANT, "ingest"))
                .header("Content-Type", "text/csv; charset=UTF-8").POST(body).build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = Figures.seconds(started);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        return new BulkLoad(seconds, new ObjectMapper().readTree(response.body()));
    }

    /** {@link #post} on another thread, so that something can be measured while the load runs. */
    static CompletableFuture<BulkLoad> start(LocalStack stack, String source, Path file) {
        return start(stack, source, List.of(file)).thenApply(loads -> loads.get(0));
    }

    /** Posts {@code files} one after the other, on another thread, as a connector catching up sends its batches. */
    static CompletableFuture<List<BulkLoad>> start(LocalStack stack, String source, List<Path> files) {
        return CompletableFuture.supplyAsync(() -> {
            List<BulkLoad> loads = new ArrayList<>();
            try {
                for (Path file : files) {
                    loads.add(post(stack, source, file));
                }
                return loads;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * {@code file}'s rows in {@code parts} files beside it of about the same size, each with the header (the file
     * itself for one part); existing parts are taken as they are.
     */
    static List<Path> split(Path file, int parts) throws IOException {
        if (parts == 1) {
            return List.of(file);
        }
        String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
        List<Path> paths = new ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            paths.add(file.resolveSibling(String.format(Locale.ROOT, "%s-part-%02d-of-%02d.csv", name, part, parts)));
        }
        if (Files.exists(paths.get(parts - 1))) {
            return paths;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int rows = lines.size() - 1;
        for (int part = 0; part < parts; part++) {
            List<String> body = new ArrayList<>(List.of(lines.get(0)));
            body.addAll(lines.subList(1 + (int) ((long) rows * part / parts),
                    1 + (int) ((long) rows * (part + 1) / parts)));
            Files.write(paths.get(part), body, StandardCharsets.UTF_8);
        }
        return paths;
    }
}

package io.scrapline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.scrapline.platform.testing.EmbeddedDatabase;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * Everything Scrapline needs on one machine: an embedded PostgreSQL, an SMTP server (GreenMail) and the four packaged
 * services, each its own JVM, started in the dev profile with the demo token key and a service key pair of this JVM.
 * Each process serves its health and metrics on a management port of its own, since the four share one machine.
 */
public final class LocalStack implements AutoCloseable {

    /** The four services in start order; the first applies the migrations. */
    public enum Service {
        INGEST("ingest-service", 8081, 9081), COSTING("costing-service", 8082, 9082),
        REPORTING("reporting-service", 8083, 9083), ALERT("alert-service", 8084, 9084);

        final String module;
        final int defaultPort;
        /** Its management port in a local run on the contract's ports (9000 in Kubernetes, one service a pod). */
        final int defaultManagementPort;

        Service(String module, int defaultPort, int defaultManagementPort) {
            this.module = module;
            this.defaultPort = defaultPort;
            this.defaultManagementPort = defaultManagementPort;
        }
    }

    private final EmbeddedDatabase database;
    private final GreenMail mail;
    private final Map<Service, Integer> ports;
    private final Map<Service, Integer> managementPorts;
    private final Map<String, String> settings;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final List<Process> replicas = new ArrayList<>();

    private LocalStack(EmbeddedDatabase database, GreenMail mail, Map<Service, Integer> ports,
            Map<Service, Integer> managementPorts, Map<String, String> settings) {
        this.database = database;
        this.mail = mail;
        this.ports = ports;
        this.managementPorts = managementPorts;
        this.settings = settings;
    }

    /**
     * Starts the stack. With {@code contractPorts} the services listen on 8081-8084 as contract.md says (and serve
     * health and metrics on 9081-9084); otherwise on free ports, so tests can run beside a running demo.
     */
    public static LocalStack start(Path root, Path logs, boolean contractPorts) {
        return start(root, logs, contractPorts, List.of(Service.values()));
    }

    /** Starts the database, the SMTP server and only the given services (a benchmark needs ingest alone). */
    public static LocalStack start(Path root, Path logs, boolean contractPorts, List<Service> services) {
        return start(root, logs, contractPorts, services, Map.of());
    }

    /**
     * Starts the database, the SMTP server and the given services, with {@code settings} (environment variables) added
     * to or replacing the stack's own, e.g. to turn the sweeps off.
     */
    public static LocalStack start(Path root, Path logs, boolean contractPorts, List<Service> services,
            Map<String, String> settings) {
        Map<Service, Integer> ports = new LinkedHashMap<>();
        Map<Service, Integer> managementPorts = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ports.put(service, contractPorts ? service.defaultPort : freePort());
            managementPorts.put(service, contractPorts ? service.defaultManagementPort : freePort());
        }
        for (Service service : services) {
            Path jar = jar(root, service);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
            }
        }
        EmbeddedDatabase database = EmbeddedDatabase.start();
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        LocalStack stack = new LocalStack(database, mail, ports, managementPorts, Map.copyOf(settings));
        try {
            Files.createDirectories(logs);
            // The first service applies the migrations; the others start once the schema is there.
            stack.launch(root, logs, services.get(0));
            stack.awaitReady(services.get(0));
            for (Service service : services.subList(1, services.size())) {
                stack.launch(root, logs, service);
            }
            for (Service service : services) {
                stack.awaitReady(service);
            }
            return stack;
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Where the service serves /q/health and /q/metrics (its management interface). */
    public String managementUrl(Service service) {
        return "http://localhost:" + managementPorts.get(service);
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public GreenMail mail() {
        return mail;
    }

    /**
     * Starts one more replica of a running service, on its own port, with the same database, SMTP server and settings
     * as the first (the other services keep calling the first); its URL once it is ready. It stops with the stack.
     */
    public String startReplica(Path root, Path logs, Service service) {
        int port = freePort();
        int managementPort = freePort();
        try {
            replicas.add(launch(root, logs, service, port, managementPort,
                    service.module + "-" + (replicas.size() + 2) + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady("http://localhost:" + managementPort, service.module + " replica");
        return "http://localhost:" + port;
    }

    /**
     * Pauses ({@code false}) or resumes ({@code true}) the replicas {@link #startReplica} started, with SIGSTOP and
     * SIGCONT: a paused replica claims no work and keeps its compiled code, so a benchmark compares one replica with
     * two without a cold start on either side. Pause only while no job is claimed.
     */
    public void runReplicas(boolean run) {
        for (Process replica : replicas) {
            try {
                Process kill = new ProcessBuilder("kill", run ? "-CONT" : "-STOP", String.valueOf(replica.pid()))
                        .inheritIO().start();
                if (kill.waitFor() != 0) {
                    throw new IllegalStateException("kill answered " + kill.exitValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The service's process, e.g. to read its memory use. */
    public Process process(Service service) {
        return processes.get(service);
    }

    private void launch(Path root, Path logs, Service service) throws IOException {
        processes.put(service,
                launch(root, logs, service, ports.get(service), managementPorts.get(service), service.module + ".log"));
    }

    private Process launch(Path root, Path logs, Service service, int port, int managementPort, String log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC"));
        // Extra JVM options for the services, e.g. a flight recording while profiling a benchmark.
        String extra = System.getenv("SCRAPLINE_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.replace("{service}", service.module).trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar(root, service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_PROFILE", "dev");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.putAll(database.environment());
        TestTokens.get().quarkusConfig().forEach((key, value) -> env.put(environmentName(key), value));
        TestServiceTokens.get().quarkusConfig().forEach((key, value) -> env.put(environmentName(key), value));
        env.put("QUARKUS_REST_CLIENT_COSTING_URL", url(Service.COSTING));
        env.put("QUARKUS_REST_CLIENT_ALERT_URL", url(Service.ALERT));
        env.put("QUARKUS_REST_CLIENT_REPORTING_URL", url(Service.REPORTING));
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(mail.getSmtp().getPort()));
        env.put("SCRAPLINE_COSTING_SWEEP_EVERY", "5s");
        env.put("SCRAPLINE_ALERT_SWEEP_EVERY", "5s");
        // The sample month has ended by the calendar, so the schedule would close it while it is being loaded: here a
        // period is closed when the run asks.
        env.put("SCRAPLINE_REPORTING_CLOSE_SCHEDULE_EVERY", "off");
        env.putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(logs.resolve(log).toFile());
        return builder.start();
    }

    private void awaitReady(Service service) {
        awaitReady(managementUrl(service), service.module);
    }

    /** Waits until the service's readiness check, on its management interface at {@code managementUrl}, is UP. */
    private void awaitReady(String managementUrl, String name) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        URI ready = URI.create(managementUrl + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Stream.concat(processes.values().stream(), replicas.stream()).anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(name + " stopped during start-up: see its log");
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within 90 s: see its log");
    }

    @Override
    public void close() {
        List<Process> all = Stream.concat(replicas.stream(), processes.values().stream()).toList();
        all.forEach(Process::destroy);
        for (Process process : all) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        mail.stop();
        database.close();
    }

    /** The project's root: the nearest directory up from here with the services' modules in it. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("ingest-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the Scrapline project");
        }
        return dir;
    }

    private static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static Path jar(Path root, Service service) {
        return root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

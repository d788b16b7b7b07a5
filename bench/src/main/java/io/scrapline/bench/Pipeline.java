package io.scrapline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestTokens;

/**
 * The main job: starts the whole of Scrapline on an embedded database, loads a sample month of a three-line plant
 * through the public APIs, waits until everything is costed, and prints the report's headline. Writes the full report,
 * the services' logs and demo tokens under {@code run/}. {@code --serve} keeps it running afterwards.
 */
public final class Pipeline {

    static final String TENANT = "dayton-demo";

    private Pipeline() {
    }

    public static void main(String[] args) throws Exception {
        boolean serve = List.of(args).contains("--serve");
        Path root = LocalStack.projectRoot();
        Path run = root.resolve("run");
        Instant started = Instant.now();
        System.out.println("Starting PostgreSQL (embedded), an SMTP server and the four services...");
        try (LocalStack stack = LocalStack.start(root, run.resolve("logs"), true)) {
            TestTokens tokens = TestTokens.get();
            writeDemoTokens(run, tokens);
            Api admin = new Api(tokens.token(TENANT, "admin"));
            Api ingest = new Api(tokens.token(TENANT, "ingest"));
            String costing = stack.url(Service.COSTING) + "/api/v1";
            String ingestApi = stack.url(Service.INGEST) + "/api/v1";
            String alerts = stack.url(Service.ALERT) + "/api/v1";

            System.out.println("Loading reference data, the October cost roll and a month of MES defects...");
            admin.put(costing + "/plants/" + SampleMonth.PLANT, SampleMonth.plant()).expect(204);
            admin.put(costing + "/defect-codes", SampleMonth.defectCodes()).expect(204);
            admin.put(costing + "/sources/" + SampleMonth.MES + "/defect-code-xref", SampleMonth.defectCodeXrefs())
                    .expect(204);
            admin.put(costing + "/sources/" + SampleMonth.MES + "/part-xref", SampleMonth.partXrefs()).expect(204);
            admin.put(alerts + "/audiences/dayton-quality", SampleMonth.audience()).expect(204);
            SampleMonth.alertRules()
                    .forEach((rule, body) -> admin.put(alerts + "/alert-rules/" + rule, body).expect(204));
            admin.put(alerts + "/audiences/" + SampleDistribution.AUDIENCE, SampleDistribution.audience()).expect(204);
            admin.put(alerts + "/alerts/subscriptions/" + SampleDistribution.SUBSCRIPTION,
                    SampleDistribution.subscription(SampleMonth.PLANT)).expect(200);
            ingest.postCsv(ingestApi + "/sources/" + SampleMonth.ERP + "/records/standard-costs",
                    SampleMonth.standardCostsCsv()).expect(201);
            String defects = SampleMonth.defectsCsv(400, 20261031L);
            JsonNode batch = ingest.postCsv(ingestApi + "/sources/" + SampleMonth.MES + "/records/defects", defects)
                    .expect(201).json();
            System.out.printf("  batch %s: %d received, %d accepted%n", batch.get("batch_id").asText(),
                    batch.get("received").asInt(), batch.get("accepted").asInt());
            String batchUrl = ingestApi + "/batches/" + batch.get("batch_id").asText();
            awaitCosted(ingest, batchUrl);
            // The labor tracker books rework hours after the MES reports the defects: the rework waiting for them
            // is costed as they arrive.
            System.out.println("Loading the labor rates and the labor tracker's rework hours...");
            ingest.postCsv(ingestApi + "/sources/" + SampleMonth.ERP + "/records/labor-rates",
                    SampleMonth.laborRatesCsv()).expect(201);
            ingest.postCsv(ingestApi + "/sources/" + SampleMonth.LABOR + "/records/rework-labor",
                    SampleMonth.reworkLaborCsv(defects, 20261101L)).expect(201);
            awaitSettled(admin, costing + "/exceptions?status=open&plant=" + SampleMonth.PLANT);
            JsonNode progress = awaitCosted(ingest, batchUrl);
            System.out.printf("  costed %d events, %d waiting in exceptions%n", progress.get("costed").asLong(),
                    progress.get("exceptions").asLong());
            int emails = awaitQuiet(stack);
            JsonNode sentAlerts = admin.get(alerts + "/alerts").expect(200).json();
            // The alerts' emails, before the close's distribution adds its own.
            MimeMessage[] alertEmails = stack.mail().getReceivedMessages();

            Api controller = new Api(tokens.token(TENANT, "controller"));
            // The ERP posts the month's scrap and rework to the general ledger, one posting short; the controller
            // reconciles before closing.
            System.out.println("Loading the ERP's postings to the general ledger and reconciling...");
            String reportingApi = stack.url(Service.REPORTING) + "/api/v1";
            String ledgerUrl = reportingApi + "/reconciliations/" + SampleMonth.PLANT + "/" + SampleMonth.PERIOD
                    + "/ledger";
            admin.put(reportingApi + "/ledger-accounts", SampleMonth.ledgerAccounts()).expect(204);
            ingest.postCsv(ingestApi + "/sources/" + SampleMonth.ERP + "/records/gl-postings",
                    SampleMonth.glPostingsCsv(controller.get(ledgerUrl).expect(200).json())).expect(201);
            JsonNode ledger = controller.get(ledgerUrl).expect(200).json();
            String reportUrl = stack.url(Service.REPORTING) + "/api/v1/reports/" + SampleMonth.PLANT + "/"
                    + SampleMonth.PERIOD;
            // October has ended: the controller closes it, and the report becomes its stored, immutable version 1.
            JsonNode closed = controller.post(stack.url(Service.REPORTING) + "/api/v1/periods/" + SampleMonth.PLANT
                    + "/" + SampleMonth.PERIOD + "/close", "{}").expect(200).json();
            System.out.printf("Closed %s: report version %d stored%n", SampleMonth.PERIOD,
                    closed.get("version").asInt());
            JsonNode distributed = SampleDistribution.awaitSent(admin, alerts);
            Api.Answer report = controller.get(reportUrl).expect(200);
            JsonNode exceptions = admin.get(costing + "/exceptions?status=open&plant=" + SampleMonth.PLANT).expect(200)
                    .json();
            Files.createDirectories(run);
            Path json = run.resolve("report-" + SampleMonth.PLANT + "-" + SampleMonth.PERIOD + ".json");
            Path text = run.resolve("report-" + SampleMonth.PLANT + "-" + SampleMonth.PERIOD + ".md");
            Files.writeString(json, report.json().toPrettyString());
            String readable = ReportText.render(report.json(), exceptions, alertEmails, ledger);
            Files.writeString(text, readable);

            System.out.println();
            System.out.println(ReportText.headline(report.json()));
            System.out.println(ReportText.ledgerLine(ledger));
            System.out.printf("Alerts: %d rule(s) over threshold, %d email(s) delivered over SMTP%n", sentAlerts.size(),
                    emails);
            System.out.print(SampleDistribution.summary(distributed));
            System.out.printf("%nFull report: %s%n             %s (JSON)%n", text, json);
            System.out.printf("Service logs: %s%nDemo tokens (dev profile only): %s%n", run.resolve("logs"),
                    run.resolve("demo-tokens.env"));
            System.out.printf("Done in %d s.%n", Duration.between(started, Instant.now()).toSeconds());
            if (serve) {
                System.out.printf("%nServing: ingest %s, costing %s, reporting %s, alert %s (Ctrl-C stops)%n",
                        stack.url(Service.INGEST), stack.url(Service.COSTING), stack.url(Service.REPORTING),
                        stack.url(Service.ALERT));
                System.out.printf(
                        "Health and metrics (/q/health, /q/metrics): ingest %s, costing %s, reporting %s, "
                                + "alert %s%n",
                        stack.managementUrl(Service.INGEST), stack.managementUrl(Service.COSTING),
                        stack.managementUrl(Service.REPORTING), stack.managementUrl(Service.ALERT));
                System.out.printf("Try: source %s && curl -H \"Authorization: Bearer $CONTROLLER_TOKEN\" %s%n",
                        run.resolve("demo-tokens.env"), reportUrl);
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
    }

    private static JsonNode awaitCosted(Api api, String batchUrl) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode costing = api.get(batchUrl).expect(200).json().get("costing");
            if (costing.get("pending").asLong() == 0) {
                return costing;
            }
            LocalStack.sleep(250);
        }
        throw new IllegalStateException("the batch was not costed within 3 minutes");
    }

    /** Waits until the list at {@code url} has kept its size for six seconds, longer than a costing sweep. */
    private static void awaitSettled(Api api, String url) {
        int seen = -1;
        int size = api.get(url).expect(200).json().size();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (size != seen && Instant.now().isBefore(deadline)) {
            seen = size;
            LocalStack.sleep(6000);
            size = api.get(url).expect(200).json().size();
        }
    }

    /** Waits until no new alert email has arrived for two seconds; returns how many arrived. */
    private static int awaitQuiet(LocalStack stack) {
        int seen = -1;
        int count = stack.mail().getReceivedMessages().length;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (count != seen && Instant.now().isBefore(deadline)) {
            seen = count;
            LocalStack.sleep(2000);
            count = stack.mail().getReceivedMessages().length;
        }
        return count;
    }

    private static void writeDemoTokens(Path run, TestTokens tokens) throws IOException {
        Files.createDirectories(run);
        StringBuilder env = new StringBuilder("# Demo tokens for the local run only (dev profile, a key made for this "
                + "run). Production never accepts them.\n");
        for (Map.Entry<String, String> role : Map
                .of("ADMIN", "admin", "INGEST", "ingest", "CONTROLLER", "controller", "QUALITY", "quality")
                .entrySet()) {
            env.append(role.getKey()).append("_TOKEN=").append(tokens.token(TENANT, role.getValue())).append('\n');
        }
        env.append("SUPERVISOR_TOKEN=")
                .append(tokens.scopedToken(TENANT, List.of(SampleMonth.PLANT), List.of("L1"), "supervisor"))
                .append('\n');
        Files.writeString(run.resolve("demo-tokens.env"), env.toString());
    }
}

package io.scrapline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.bench.LocalStack.Service;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;

/**
 * One event from the MES to the report and an alert, through the public REST APIs of the four packaged services, each
 * running in its own JVM on a real PostgreSQL, with a real SMTP server. The costing and alert sweeps are off, so that
 * what is costed and alerted gets there by the services' prompts to each other, with their service tokens.
 */
class EndToEndIT {

    private static final Path LOGS = LocalStack.projectRoot().resolve("bench/target/it-logs");

    private static OtlpReceiver traces;
    private static LocalStack stack;

    /** The stack with tracing on, exporting to a receiver of this test, and logging JSON as in production. */
    @BeforeAll
    static void start() {
        traces = OtlpReceiver.start();
        stack = LocalStack.start(LocalStack.projectRoot(), LOGS, false, List.of(Service.values()),
                Map.of("SCRAPLINE_COSTING_SWEEP_EVERY", "off", "SCRAPLINE_ALERT_SWEEP_EVERY", "off",
                        "QUARKUS_OTEL_SDK_DISABLED", "false", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                        traces.endpoint(), "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                        "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
    }

    @AfterAll
    static void stop() {
        stack.close();
        traces.close();
    }

    @Test
    void scrapFromTheMesIsCostedReportedAndAlertedOnce() {
        String tenant = "acme-" + UUID.randomUUID();
        Api admin = new Api(TestTokens.get().token(tenant, "admin"));
        Api ingest = new Api(TestTokens.get().token(tenant, "ingest"));
        Api controller = new Api(TestTokens.get().token(tenant, "controller"));
        setUpPlant(admin, ingest, tenant);

        // The MES reports its own part number and defect code: 3 units scrapped at the machining operation.
        ingest.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", """
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
                MES-1,DAY1,L1,WC-120,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020
                """).expect(201);
        JsonNode event = awaitEvents(controller, 1).get(0);
        assertThat(event.get("part").asText()).isEqualTo("100-4471-A");
        assertThat(event.get("defect_code").asText()).isEqualTo("MACH-DIM");
        assertThat(event.get("amount").asText()).isEqualTo("655.20");
        assertThat(event.get("unit_value").asText()).isEqualTo("218.400000");
        assertThat(event.get("currency").asText()).isEqualTo("USD");
        assertThat(event.get("coq_class").asText()).isEqualTo("internal_failure");
        assertThat(event.get("cost_type").asText()).isEqualTo("scrap");
        assertThat(event.get("period").asText()).isEqualTo("2026-10");
        JsonNode explained = controller.get(api(Service.COSTING) + "/costed-events/" + event.get("id").asLong())
                .expect(200).json();
        assertThat(explained.at("/explanation/valuation/arithmetic").asText())
                .isEqualTo("3 × 218.400000 = 655.200000 → 655.20 USD");

        JsonNode report = controller.get(api(Service.REPORTING) + "/reports/DAY1/2026-10").expect(200).json();
        assertThat(report.at("/totals/scrap_cost").asText()).isEqualTo("655.20");
        assertThat(report.at("/totals/total_cost").asText()).isEqualTo("655.20");
        assertThat(report.at("/totals/events").asLong()).isEqualTo(1);
        assertThat(report.at("/by_line/0/line").asText()).isEqualTo("L1");
        assertThat(report.at("/pareto/0/defect_code").asText()).isEqualTo("MACH-DIM");
        assertThat(report.at("/pareto/0/cost").asText()).isEqualTo("655.20");

        awaitEmails(tenant, 1);
        // A second event of the same code in the same period raises the cost but sends no second email.
        ingest.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", """
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
                MES-2,DAY1,L1,WC-120,MFG-4471,D-114,1,scrap,2026-10-15T09:30:00-04:00,B,0020
                """).expect(201);
        awaitEvents(controller, 2);
        LocalStack.sleep(6000);
        List<MimeMessage> emails = emailsOf(tenant);
        assertThat(emails).hasSize(1);
        JsonNode alerts = admin.get(api(Service.ALERT) + "/alerts").expect(200).json();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).get("status").asText()).isEqualTo("sent");
        assertThat(alerts.get(0).get("value").asText()).isEqualTo("655.20");

        // An MES part nobody mapped is not dropped: it waits as an exception and is counted on the report.
        ingest.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", """
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
                MES-3,DAY1,L1,WC-120,MFG-9999,D-114,2,scrap,2026-10-16T09:30:00-04:00,A,0020
                """).expect(201);
        JsonNode exception = await(() -> admin.get(api(Service.COSTING) + "/exceptions?status=open").json(),
                found -> found.size() == 1).get(0);
        assertThat(exception.get("reason").asText()).isEqualTo("unmapped_part");
        assertThat(controller.get(api(Service.REPORTING) + "/reports/DAY1/2026-10").json().at("/totals/uncosted_events")
                .asLong()).isEqualTo(1);
        // Supplying the mapping costs it and closes the exception.
        admin.put(api(Service.COSTING) + "/sources/plex-mes/part-xref",
                List.of(Map.of("source_part", "MFG-9999", "part", "100-4471-A", "effective_from", "2026-01-01")))
                .expect(204);
        awaitEvents(controller, 3);
        assertThat(admin.get(api(Service.COSTING) + "/exceptions?status=open").json()).isEmpty();
    }

    /**
     * One batch is one trace: ingest's request, its prompt to costing, costing's run and its prompt to alert-service
     * share the trace id; and ingest's JSON log line of the batch names the tenant and that trace.
     */
    @Test
    void aBatchIsOneTraceAcrossIngestCostingAndAlertsAndItsLogLineNamesTenantAndTrace() throws IOException {
        String tenant = "traced-" + UUID.randomUUID();
        Api admin = new Api(TestTokens.get().token(tenant, "admin"));
        Api ingest = new Api(TestTokens.get().token(tenant, "ingest"));
        setUpPlant(admin, ingest, tenant);

        String batch = ingest.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", """
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
                MES-1,DAY1,L1,WC-120,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020
                """).expect(201).json().get("batch_id").asText();
        awaitEmails(tenant, 1);

        Path ingestLog = LOGS.resolve("ingest-service.log");
        JsonNode line = await(() -> batchLine(ingestLog, batch), found -> found != null);
        assertThat(line.get("mdc").get("tenant").asText()).isEqualTo(tenant);
        assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        String trace = line.get("mdc").get("traceId").asText();
        assertThat(trace).matches("[0-9a-f]{32}");
        // Spans arrive as each service exports them: wait until all three services' are in and every parent too.
        List<OtlpReceiver.Span> spans = await(
                () -> traces.spans().stream().filter(span -> span.traceId().equals(trace)).toList(),
                found -> found.stream().map(OtlpReceiver.Span::service).distinct().count() == 3
                        && found.stream().allMatch(span -> span.parentSpanId().isEmpty()
                                || found.stream().anyMatch(parent -> parent.spanId().equals(span.parentSpanId()))));
        assertThat(spans).extracting(OtlpReceiver.Span::service).contains("ingest-service", "costing-service",
                "alert-service");
        // One root, ingest's request, which the other spans descend from.
        assertThat(spans).filteredOn(span -> span.parentSpanId().isEmpty()).singleElement()
                .satisfies(root -> assertThat(root.service()).isEqualTo("ingest-service"));
    }

    /** Ingest's JSON log line of {@code batch}, or null while there is none. */
    private static JsonNode batchLine(Path log, String batch) {
        try {
            for (String text : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (text.startsWith("{") && text.contains(batch)) {
                    return new ObjectMapper().readTree(text);
                }
            }
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A sender limited to line L1 may not evaluate a plant's rules; costing prompts alerts with its own service token
     * for the tenant, so the alert goes out all the same (with the sender's token relayed, alert-service answered 403
     * and only its sweep sent the alert).
     */
    @Test
    void aLineLimitedSendersEventIsCostedAndAlertedThroughThePrompts() {
        String tenant = "acme-" + UUID.randomUUID();
        Api admin = new Api(TestTokens.get().token(tenant, "admin"));
        setUpPlant(admin, new Api(TestTokens.get().token(tenant, "ingest")), tenant);
        Api line1 = new Api(TestTokens.get().scopedToken(tenant, List.of("DAY1"), List.of("L1"), "ingest"));

        line1.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", """
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
                MES-1,DAY1,L1,WC-120,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020
                """).expect(201);
        assertThat(awaitEvents(new Api(TestTokens.get().token(tenant, "controller")), 1).get(0).get("amount").asText())
                .isEqualTo("655.20");
        awaitEmails(tenant, 1);
        // The alert is marked sent once the mail server has taken the email.
        JsonNode alerts = await(() -> admin.get(api(Service.ALERT) + "/alerts").expect(200).json(),
                found -> found.size() == 1 && found.get(0).get("status").asText().equals("sent"));
        assertThat(alerts.get(0).get("value").asText()).isEqualTo("655.20");
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        String tenant = "acme-" + UUID.randomUUID();
        Api admin = new Api(TestTokens.get().token(tenant, "admin"));
        Api ingest = new Api(TestTokens.get().token(tenant, "ingest"));
        setUpPlant(admin, ingest, tenant);
        JsonNode batch = ingest.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", """
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
                MES-1,DAY1,L1,WC-120,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020
                """).expect(201).json();
        awaitEvents(new Api(TestTokens.get().token(tenant, "controller")), 1);

        String other = "globex-" + UUID.randomUUID();
        Api intruder = new Api(TestTokens.get().token(other, "admin", "controller", "quality", "ingest"));
        // Naming the first tenant's plant, period, batch and event ids gets nothing.
        assertThat(intruder.get(api(Service.REPORTING) + "/reports/DAY1/2026-10").status()).isEqualTo(404);
        assertThat(intruder.get(api(Service.COSTING) + "/costed-events?plant=DAY1").expect(200).json()).isEmpty();
        assertThat(intruder.get(api(Service.COSTING) + "/exceptions").expect(200).json()).isEmpty();
        assertThat(intruder.get(api(Service.INGEST) + "/batches/" + batch.get("batch_id").asText()).status())
                .isEqualTo(404);
        assertThat(intruder.get(api(Service.ALERT) + "/alerts").expect(200).json()).isEmpty();
        // Its own plant of the same name is a different plant, with an empty report.
        intruder.put(api(Service.COSTING) + "/plants/DAY1",
                Map.of("name", "Globex", "currency", "EUR", "time_zone", "Europe/Paris")).expect(204);
        JsonNode report = intruder.get(api(Service.REPORTING) + "/reports/DAY1/2026-10").expect(200).json();
        assertThat(report.at("/totals/total_cost").asText()).isEqualTo("0.00");
        assertThat(report.at("/currency").asText()).isEqualTo("EUR");
        assertThat(report.get("pareto")).isEmpty();
    }

    @Test
    void onlyAServiceTokenPromptsCostingAndAlerts() {
        String tenant = "acme-" + UUID.randomUUID();
        Map<String, Object> run = Map.of("record_type", "defects");
        Map<String, Object> evaluation = Map.of("plant", "DAY1", "period", "2026-10", "defect_codes",
                List.of("MACH-DIM"));
        for (String token : List.of(TestTokens.get().token(tenant, "ingest"),
                TestTokens.get().token(tenant, "admin"))) {
            assertThat(new Api(token).post(api(Service.COSTING) + "/costing/runs", run).status()).isEqualTo(403);
            assertThat(new Api(token).post(api(Service.ALERT) + "/alerts/evaluations", evaluation).status())
                    .isEqualTo(403);
        }
        Api forged = new Api(TestTokens.get().token(tenant, "service"));
        assertThat(forged.post(api(Service.COSTING) + "/costing/runs", run).status()).isEqualTo(401);
        assertThat(forged.post(api(Service.ALERT) + "/alerts/evaluations", evaluation).status()).isEqualTo(401);
        Api service = new Api(TestServiceTokens.get().token("ingest-service", tenant));
        assertThat(service.post(api(Service.COSTING) + "/costing/runs", run).status()).isEqualTo(200);
        assertThat(service.post(api(Service.ALERT) + "/alerts/evaluations", evaluation).status()).isEqualTo(200);
        assertThat(service.get(api(Service.COSTING) + "/costed-events").status()).isEqualTo(403);
    }

    @Test
    void everyServiceRefusesMissingTokensAndWrongRoles() {
        Api anonymous = new Api(null);
        Api supervisor = new Api(TestTokens.get().token("acme", "supervisor"));
        Api ingestOnly = new Api(TestTokens.get().token("acme", "ingest"));
        assertThat(anonymous.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", "source_id\n").status())
                .isEqualTo(401);
        assertThat(
                supervisor.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", "source_id\n").status())
                        .isEqualTo(403);
        assertThat(anonymous.get(api(Service.COSTING) + "/costed-events").status()).isEqualTo(401);
        assertThat(supervisor.put(api(Service.COSTING) + "/defect-codes", List.of()).status()).isEqualTo(403);
        assertThat(anonymous.get(api(Service.REPORTING) + "/reports/DAY1/2026-10").status()).isEqualTo(401);
        assertThat(ingestOnly.get(api(Service.REPORTING) + "/reports/DAY1/2026-10").status()).isEqualTo(403);
        assertThat(anonymous.get(api(Service.ALERT) + "/alerts").status()).isEqualTo(401);
        assertThat(supervisor.put(api(Service.ALERT) + "/alert-rules/r1", Map.of()).status()).isEqualTo(403);
        Api.Answer problem = anonymous.get(api(Service.REPORTING) + "/reports/DAY1/2026-10");
        assertThat(problem.json().get("status").asInt()).isEqualTo(401);
    }

    /**
     * Closing October hands it over to alert-service, which sends the month-end subscription's recipients version 1 of
     * the report in their role's view, read from reporting with alert's service token: the totals in the attached PDF
     * and spreadsheet are those of the API's report.
     */
    @Test
    void aClosedPeriodIsDistributedWithTheTotalsOfTheApisReport() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        Api admin = new Api(TestTokens.get().token(tenant, "admin"));
        Api ingest = new Api(TestTokens.get().token(tenant, "ingest"));
        Api controller = new Api(TestTokens.get().token(tenant, "controller"));
        setUpPlant(admin, ingest, tenant);
        // A domain per recipient: the SMTP server lists what it received by domain.
        String controllerDomain = "controller." + tenant + ".example.com";
        String supervisorDomain = "supervisor." + tenant + ".example.com";
        String controllerAddress = "dana.ortiz@" + controllerDomain;
        String supervisorAddress = "ana.ruiz@" + supervisorDomain;
        admin.put(api(Service.ALERT) + "/audiences/month-end", Map.of("members",
                List.of(Map.of("name", "Dana Ortiz", "role", "controller", "email", controllerAddress), Map.of("name",
                        "Ana Ruiz", "role", "supervisor", "email", supervisorAddress, "lines", List.of("L1")))))
                .expect(204);
        admin.put(api(Service.ALERT) + "/alerts/subscriptions/day1-month-end", Map.of("audience", "month-end", "plant",
                "DAY1", "cadence", "month_end", "formats", List.of("pdf", "xlsx", "html_link"))).expect(200);
        ingest.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", """
                source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation
                MES-1,DAY1,L1,WC-120,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020
                MES-2,DAY1,L1,WC-120,MFG-4471,D-114,1,scrap,2026-10-15T09:30:00-04:00,B,0020
                """).expect(201);
        awaitEvents(controller, 2);

        controller.post(api(Service.REPORTING) + "/periods/DAY1/2026-10/close", Map.of()).expect(200);

        MimeMessage email = await(() -> List.of(stack.mail().getReceivedMessagesForDomain(controllerDomain)),
                found -> found.size() == 1).get(0);
        JsonNode report = controller.get(api(Service.REPORTING) + "/reports/DAY1/2026-10?view=controller").expect(200)
                .json();
        assertThat(report.at("/status").asText()).isEqualTo("closed");
        BigDecimal total = new BigDecimal(report.at("/totals/total_cost").asText());
        assertThat(total).isEqualByComparingTo("873.60");
        Map<String, byte[]> files = attachments(email);
        assertThat(files).containsOnlyKeys("DAY1-2026-10-v1-controller.pdf", "DAY1-2026-10-v1-controller.xlsx");
        try (PDDocument pdf = Loader.loadPDF(files.get("DAY1-2026-10-v1-controller.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("closed, version 1")
                    .contains("Total cost (USD) " + new DecimalFormat("#,##0.00").format(total));
        }
        assertThat(spreadsheetTotal(files.get("DAY1-2026-10-v1-controller.xlsx"))).isEqualByComparingTo(total);
        assertThat(email.getContent().toString()).isNotEmpty();

        MimeMessage supervisorEmail = await(() -> List.of(stack.mail().getReceivedMessagesForDomain(supervisorDomain)),
                found -> found.size() == 1).get(0);
        assertThat(attachments(supervisorEmail)).containsKey("DAY1-2026-10-v1-supervisor-L1.pdf");
        JsonNode runs = await(() -> admin.get(api(Service.ALERT) + "/alerts/distributions").expect(200).json(),
                found -> found.size() == 1 && found.get(0).get("status").asText().equals("done"));
        assertThat(runs.get(0).get("run_key").asText()).isEqualTo("month_end:2026-10:v1");
        assertThat(runs.get(0).get("deliveries")).hasSize(2)
                .allMatch(delivery -> delivery.get("status").asText().equals("delivered"));
    }

    /**
     * A second alert-service beside the first, both prompted at once for the same evaluations and the same close, both
     * working the delivery and distribution queues: every alert is opened once, every recipient gets each alert once
     * and the month-end report once.
     */
    @Test
    void twoAlertReplicasSendEachAlertAndEachReportOnce() throws Exception {
        String tenant = "acme-" + UUID.randomUUID();
        Api admin = new Api(TestTokens.get().token(tenant, "admin"));
        Api ingest = new Api(TestTokens.get().token(tenant, "ingest"));
        Api controller = new Api(TestTokens.get().token(tenant, "controller"));
        setUpPlant(admin, ingest, tenant);
        Path root = LocalStack.projectRoot();
        List<String> replicas = List.of(stack.url(Service.ALERT),
                stack.startReplica(root, root.resolve("bench/target/it-logs"), Service.ALERT));
        String alertDomain = "shift." + tenant + ".example.org";
        String reportDomain = "month-end." + tenant + ".example.org";
        admin.put(api(Service.ALERT) + "/audiences/shift-watch",
                Map.of("members", List.of(member("quality", "ana@" + alertDomain),
                        member("quality", "ben@" + alertDomain), member("quality", "cy@" + alertDomain))))
                .expect(204);
        admin.put(api(Service.ALERT) + "/audiences/month-end", Map.of("members",
                List.of(member("controller", "dana@" + reportDomain), member("quality", "eve@" + reportDomain))))
                .expect(204);
        admin.put(api(Service.ALERT) + "/alert-rules/shift-dim",
                Map.of("plant", "DAY1", "defect_code", "MACH-DIM", "metric", "cost", "window", "shift", "thresholds",
                        List.of(Map.of("level", "warning", "value", "100.00", "audiences", List.of("shift-watch")))))
                .expect(204);
        admin.put(api(Service.ALERT) + "/alerts/subscriptions/month-end", Map.of("audience", "month-end", "plant",
                "DAY1", "cadence", "month_end", "formats", List.of("html_link"))).expect(200);

        // Nine shifts over the threshold in the last three days (655.20 each): nine alerts, three recipients each.
        StringBuilder csv = new StringBuilder(
                "source_id,plant,line,work_center,part,defect_code,quantity,disposition,occurred_at,shift,operation\n");
        ZonedDateTime today = ZonedDateTime.now(java.time.ZoneId.of("America/New_York")).truncatedTo(ChronoUnit.DAYS);
        List<ZonedDateTime> times = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            ZonedDateTime at = today.minusDays(day).plusHours(10);
            times.add(at);
            for (String shift : List.of("A", "B", "C")) {
                csv.append("R-%d-%s,DAY1,L1,WC-120,MFG-4471,D-114,3,scrap,%s,%s,0020\n".formatted(day, shift,
                        at.toOffsetDateTime(), shift));
            }
        }
        csv.append("MES-1,DAY1,L1,WC-120,MFG-4471,D-114,3,scrap,2026-10-14T09:30:00-04:00,A,0020\n");
        ingest.postCsv(api(Service.INGEST) + "/sources/plex-mes/records/defects", csv.toString()).expect(201);
        await(() -> controller.get(api(Service.COSTING) + "/costed-events?plant=DAY1").expect(200).json(),
                events -> events.size() == 10);

        // costing prompted the first replica; both are prompted again, at once, for every period the events are in.
        Api service = new Api(TestServiceTokens.get().token("costing-service", tenant));
        List<Map<String, Object>> prompts = times.stream().map(at -> at.toLocalDate().toString().substring(0, 7))
                .distinct()
                .<Map<String, Object>> map(period -> Map.of("plant", "DAY1", "period", period, "defect_codes",
                        List.of("MACH-DIM"), "shifts", List.of("A", "B", "C"), "occurred_from",
                        times.get(2).toInstant().toString(), "occurred_to", times.get(0).toInstant().toString()))
                .toList();
        atOnce(replicas,
                url -> prompts.forEach(prompt -> service.post(url + "/api/v1/alerts/evaluations", prompt).expect(200)));
        List<MimeMessage> alerted = await(() -> List.of(stack.mail().getReceivedMessagesForDomain(alertDomain)),
                found -> found.size() >= 27);
        JsonNode alerts = await(() -> admin.get(api(Service.ALERT) + "/alerts").expect(200).json(),
                found -> countOf(found, "shift-dim", "sent") == 9);
        assertThat(countOf(alerts, "shift-dim", null)).isEqualTo(9);

        // October closes: reporting hands it over to the first replica, and both are told at once as well.
        controller.post(api(Service.REPORTING) + "/periods/DAY1/2026-10/close", Map.of()).expect(200);
        Api reporting = new Api(TestServiceTokens.get().token("reporting-service", tenant));
        atOnce(replicas, url -> reporting.post(url + "/api/v1/alerts/distributions/closes",
                Map.of("plant", "DAY1", "period", "2026-10", "version", 1)).expect(200));
        JsonNode runs = await(() -> admin.get(api(Service.ALERT) + "/alerts/distributions").expect(200).json(),
                found -> found.size() == 1 && found.get(0).get("status").asText().equals("done"));
        assertThat(runs.get(0).get("deliveries")).hasSize(2);

        // Both replicas' workers keep looking; nothing more arrives.
        LocalStack.sleep(8000);
        alerted = List.of(stack.mail().getReceivedMessagesForDomain(alertDomain));
        assertThat(alerted).hasSize(27);
        for (String who : List.of("ana", "ben", "cy")) {
            assertThat(alerted).filteredOn(email -> recipient(email).equals(who + "@" + alertDomain)).hasSize(9);
        }
        assertThat(alerted.stream().map(EndToEndIT::messageId).distinct()).hasSize(27);
        List<MimeMessage> reports = List.of(stack.mail().getReceivedMessagesForDomain(reportDomain));
        assertThat(reports).extracting(EndToEndIT::recipient).containsExactlyInAnyOrder("dana@" + reportDomain,
                "eve@" + reportDomain);
    }

    /**
     * The api-clients module lints, generates and compiles a client from each document a service's build stores; this
     * is the document the packaged service serves, but for its server, which names where the service listens.
     */
    @Test
    void everyServiceServesTheOpenApiDocumentItsBuildChecked() throws IOException {
        for (Service service : Service.values()) {
            ObjectNode served = (ObjectNode) new Api(null).get(stack.url(service) + "/q/openapi?format=json")
                    .expect(200).json();
            ObjectNode stored = (ObjectNode) new ObjectMapper().readTree(
                    LocalStack.projectRoot().resolve(service.module + "/target/openapi/openapi.json").toFile());
            assertThat(served.at("/servers/0/url").asText()).as(service.module).isEqualTo(stack.url(service));
            assertThat(stored.at("/servers/0/url").asText()).as(service.module)
                    .isEqualTo("http://localhost:" + service.defaultPort);
            served.remove("servers");
            stored.remove("servers");
            assertThat(served).as(service.module).isEqualTo(stored);
        }
    }

    /** The plant, catalog, cross-references, cost roll, audience and a 500.00 rule on the machining code. */
    private static void setUpPlant(Api admin, Api ingest, String tenant) {
        admin.put(api(Service.COSTING) + "/plants/DAY1",
                Map.of("name", "Dayton", "currency", "USD", "time_zone", "America/New_York")).expect(204);
        admin.put(api(Service.COSTING) + "/defect-codes", List.of(Map.of("code", "MACH-DIM", "description",
                "Dimension out of tolerance", "category", "machining", "coq_class", "internal_failure"))).expect(204);
        admin.put(api(Service.COSTING) + "/sources/plex-mes/defect-code-xref",
                List.of(Map.of("source_code", "D-114", "defect_code", "MACH-DIM"))).expect(204);
        admin.put(api(Service.COSTING) + "/sources/plex-mes/part-xref",
                List.of(Map.of("source_part", "MFG-4471", "part", "100-4471-A", "effective_from", "2026-01-01")))
                .expect(204);
        // C(0020) = (120.00 + 30.00 + 20.00) + (0.00 + 28.40 + 20.00) = 218.40; operation 0030 is not reached.
        ingest.postCsv(api(Service.INGEST) + "/sources/sap-erp/records/standard-costs", """
                part,plant,operation,material_cost,labor_cost,overhead_cost,currency,effective_from
                100-4471-A,DAY1,0010,120.00,30.00,20.00,USD,2026-01-01
                100-4471-A,DAY1,0020,0.00,28.40,20.00,USD,2026-01-01
                100-4471-A,DAY1,0030,15.00,12.00,8.00,USD,2026-01-01
                """).expect(201);
        admin.put(api(Service.ALERT) + "/audiences/quality",
                Map.of("members", List.of(Map.of("role", "quality", "email", "quality@" + tenant + ".example.com"))))
                .expect(204);
        admin.put(api(Service.ALERT) + "/alert-rules/mach-dim", Map.of("plant", "DAY1", "defect_code", "MACH-DIM",
                "metric", "cost", "window", "period", "threshold", "500.00", "audience", "quality")).expect(204);
    }

    private static JsonNode awaitEvents(Api api, int count) {
        return await(
                () -> api.get(api(Service.COSTING) + "/costed-events?plant=DAY1&period=2026-10").expect(200).json(),
                events -> events.size() == count);
    }

    private static void awaitEmails(String tenant, int count) {
        await(() -> emailsOf(tenant), emails -> emails.size() == count);
    }

    private static List<MimeMessage> emailsOf(String tenant) {
        return List.of(stack.mail().getReceivedMessagesForDomain(tenant + ".example.com"));
    }

    /** The files attached to an email, by name. */
    private static Map<String, byte[]> attachments(MimeMessage email) throws MessagingException, IOException {
        Map<String, byte[]> files = new HashMap<>();
        List<Multipart> parts = new ArrayList<>(List.of((Multipart) email.getContent()));
        while (!parts.isEmpty()) {
            Multipart multipart = parts.remove(0);
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getContent() instanceof Multipart nested) {
                    parts.add(nested);
                } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    files.put(part.getFileName(), part.getInputStream().readAllBytes());
                }
            }
        }
        return files;
    }

    /** The total cost on the Totals sheet of a report's spreadsheet: the one sheet with the events not yet costed. */
    private static BigDecimal spreadsheetTotal(byte[] workbook) throws IOException {
        Pattern total = Pattern
                .compile("Total cost \\([A-Z]{3}\\)</t></is></c><c r=\"B\\d+\" s=\"\\d+\"><v>([-0-9.]+)</v>");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String part = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                Matcher found = total.matcher(part);
                if (entry.getName().startsWith("xl/worksheets/") && part.contains("Events not yet costed")
                        && found.find()) {
                    return new BigDecimal(found.group(1));
                }
            }
        }
        throw new AssertionError("no Totals sheet with a total cost");
    }

    private static Map<String, Object> member(String role, String email) {
        return Map.of("role", role, "email", email);
    }

    /** The alerts of {@code rule} in {@code status} (any, when null). */
    private static long countOf(JsonNode alerts, String rule, String status) {
        long count = 0;
        for (JsonNode alert : alerts) {
            if (alert.get("rule").asText().equals(rule)
                    && (status == null || alert.get("status").asText().equals(status))) {
                count++;
            }
        }
        return count;
    }

    /** Runs {@code call} for each URL, all at once, three times each; returns when all have answered. */
    private static void atOnce(List<String> urls, java.util.function.Consumer<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(urls.size() * 3);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                urls.forEach(url -> calls.add(pool.submit(() -> call.accept(url))));
            }
            for (Future<?> each : calls) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String recipient(MimeMessage email) {
        try {
            return email.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage email) {
        try {
            return email.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still not there after 60 s: " + value);
            }
            LocalStack.sleep(200);
            value = probe.get();
        }
        return value;
    }

    private static String api(Service service) {
        return stack.url(service) + "/api/v1";
    }
}

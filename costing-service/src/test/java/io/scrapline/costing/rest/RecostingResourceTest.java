package io.scrapline.costing.rest;

import static io.restassured.RestAssured.given;
import static io.scrapline.costing.rest.TenantRows.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.scrapline.costing.repository.RecostingRepository;
import io.scrapline.costing.service.RecostingService;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Late events of closed periods, and re-costing jobs (docs/cost-model.md §9, architecture.md "Month-end at scale")
 * against the real database: records inserted as ingest stores them, costed through the costing run, and re-costed by
 * workers driven here as replicas would run them (the scheduled worker is off in tests; parts are 4 events).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RecostingResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MES = "plex-mes";
    private static final OffsetDateTime OCTOBER_14 = OffsetDateTime.parse("2026-10-14T09:30:00-04:00");

    @Inject
    TenantDb db;

    @Inject
    RecostingService recosting;

    @Inject
    RecostingRepository jobs;

    private String tenant;
    private String controller;

    @BeforeEach
    void newTenantWithACostRoll() {
        tenant = newTenant();
        controller = TestTokens.get().token(tenant, "controller");
    }

    @Test
    void aLateEventAndACorrectionOfAClosedPeriodLandInTheOpenPeriod() {
        // C(0020) = 170.00 + 48.40 = 218.40: 3 units 655.20
        insertDefect(tenant, "MES-1", 1, "3", OCTOBER_14);
        runCosting(tenant);
        closePeriod(tenant, "2026-10");
        List<String> october = rollups(tenant, "2026-10");

        // A late October event (2 units: 436.80) and a correction of MES-1 to 5 units (1092.00)
        insertDefect(tenant, "MES-2", 1, "2", OCTOBER_14.plusDays(6));
        insertDefect(tenant, "MES-1", 2, "5", OCTOBER_14);
        runCosting(tenant);

        assertThat(rollups(tenant, "2026-10")).isEqualTo(october).containsExactly("655.20 3 1");
        // November: 436.80 + 1092.00 − 655.20 = 873.60; 2 + 5 − 3 = 4 units; 1 + 1 − 1 = 1 event more
        assertThat(rollups(tenant, "2026-11")).containsExactly("873.60 4 1");
        JsonPath late = event(tenant, "MES-2");
        assertThat(late.getString("period")).isEqualTo("2026-11");
        assertThat(late.getString("event_period")).isEqualTo("2026-10");
        assertThat(late.getString("explanation.period.period")).isEqualTo("2026-10");
        assertThat(late.getString("explanation.period.booked_in")).isEqualTo("2026-11");
        assertThat(late.getString("explanation.period.reason")).contains("2026-10", "closed");
        assertThat(event(tenant, "MES-1").getString("period")).isEqualTo("2026-11");
        assertThat(event(tenant, "MES-1").getString("amount")).isEqualTo("1092.00");
    }

    @Test
    void aJobIsQueuedSplitIntoPartsAndDoneWithItsProgress() {
        seed(tenant, 10);
        runCosting(tenant);
        // The cost roll restated: 0010's material 120.00 → 150.00, so C(0010) = 200.00 and C(0020) = 248.40
        standardCost(tenant, "0010", 2, "150.00");

        JsonPath queued = request(controller, "DAY1", "2026-10", "cost roll corrected").statusCode(202)
                .header("Location", notNullValue()).body("status", equalTo("queued")).body("total_events", nullValue())
                .body("done_events", equalTo(0))
                .body("requested_by", equalTo(tenant + "-controller@demo.scrapline.local"))
                .body("reason", equalTo("cost roll corrected")).body("started_at", nullValue()).extract().jsonPath();
        long id = queued.getLong("id");
        // Asked for again while queued: the same job.
        request(controller, "DAY1", "2026-10", "again").statusCode(202).body("id", equalTo((int) id));
        list(controller, "queued").body("id", hasItem((int) id));

        recosting.split(tenant, "splitter").await().indefinitely();
        job(controller, id).statusCode(200).body("status", equalTo("running")).body("total_events", equalTo(10))
                .body("parts", equalTo(3)).body("done_parts", equalTo(0)).body("done_events", equalTo(0))
                .body("claimed_by", equalTo("splitter")).body("started_at", notNullValue())
                .body("finished_at", nullValue());

        assertThat(recosting.recostParts(tenant, "worker-1").await().indefinitely()).isEqualTo(3);

        job(controller, id).statusCode(200).body("status", equalTo("done")).body("total_events", equalTo(10))
                .body("done_events", equalTo(10)).body("parts", equalTo(3)).body("done_parts", equalTo(3))
                .body("finished_at", notNullValue());
        list(controller, "done").body("id", hasItem((int) id));
        list(controller, "queued").body("id", not(hasItem((int) id)));
        assertThat(rows(tenant,
                "SELECT part, events, status, recosted, claimed_by FROM recosting_job_parts " + "ORDER BY part"))
                        .containsExactly("0 4 done 4 worker-1", "1 4 done 4 worker-1", "2 2 done 2 worker-1");
        // Every event at the restated cost: 1 + 2 + … units per event, each revised in place, what it had kept
        assertThat(decimal(tenant, "SELECT count(*) FROM costed_events WHERE NOT superseded AND amount <> "
                + "round(quantity * unit_value, 2)")).isZero();
        assertThat(decimal(tenant,
                "SELECT count(*) FROM costed_events WHERE unit_value NOT IN (200, 248.40) " + "AND NOT superseded"))
                        .isZero();
        assertThat(decimal(tenant, "SELECT count(*) FROM costed_events WHERE superseded")).isZero();
        assertThat(rows(tenant,
                "SELECT count(*), count(DISTINCT event_id), min(job_id) = max(job_id), "
                        + "count(*) FILTER (WHERE unit_value IN (200, 248.40)) FROM costed_event_revisions"))
                                .containsExactly("10 10 true 0");
        assertRollupsSumTheEvents(tenant);
    }

    @Test
    void aReCostThatChangesNothingLeavesTheEventsAsTheyAre() {
        seed(tenant, 6);
        runCosting(tenant);
        String events = "SELECT event_id, amount, schema_version, costed_at FROM costed_events ORDER BY event_id";
        List<String> before = rows(tenant, events);
        long id = request(controller, "DAY1", "2026-10", "checking").statusCode(202).extract().jsonPath().getLong("id");

        recosting.split(tenant, "splitter").await().indefinitely();
        recosting.recostParts(tenant, "worker-1").await().indefinitely();

        job(controller, id).body("status", equalTo("done")).body("done_events", equalTo(6));
        assertThat(rows(tenant, events)).hasSize(6).isEqualTo(before);
        assertThat(decimal(tenant, "SELECT count(*) FROM costed_event_revisions")).isZero();
        assertRollupsSumTheEvents(tenant);
    }

    @Test
    void aRestatedCostRollQueuesTheReCostOfTheOpenPeriodsThatUsedIt() {
        insertDefect(tenant, "MES-1", 1, "3", OCTOBER_14);
        insertDefect(tenant, "MES-9", 1, "3", OCTOBER_14.minusMonths(1));
        runCosting(tenant);
        closePeriod(tenant, "2026-09");

        standardCost(tenant, "0010", 2, "150.00");
        recosting.drain(tenant, "worker-1").await().indefinitely();

        list(controller, null).body("", hasSize(1)).body("[0].period", equalTo("2026-10"))
                .body("[0].reason", equalTo("cost roll of part 100-4471-A effective 2026-01-01 restated"))
                .body("[0].requested_by", equalTo("costing")).body("[0].status", equalTo("done"));
        // 3 × 248.40 = 745.20 in the open period; September, closed, keeps 655.20
        assertThat(event(tenant, "MES-1").getString("amount")).isEqualTo("745.20");
        assertThat(event(tenant, "MES-1").getList("provenance.cost_roll_lines.version")).contains(2);
        assertThat(event(tenant, "MES-9").getString("amount")).isEqualTo("655.20");
        assertThat(rollups(tenant, "2026-10")).containsExactly("745.20 3 1");
        // Seen once: working again queues nothing.
        recosting.drain(tenant, "worker-1").await().indefinitely();
        list(controller, null).body("", hasSize(1));
    }

    @Test
    void approvingACostSchemaReCostsTheOpenPeriods() {
        insertDefect(tenant, "MES-1", 1, "3", OCTOBER_14);
        insertDefect(tenant, "MES-9", 1, "3", OCTOBER_14.minusMonths(1));
        runCosting(tenant);
        closePeriod(tenant, "2026-09");

        String admin = TestTokens.get().token(tenant, "admin");
        int version = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("scrap_method", "material_only")).post("/api/v1/cost-schemas").then().statusCode(201)
                .extract().jsonPath().getInt("version");
        SchemaOwners.approve(tenant, version);
        list(controller, "queued").body("", hasSize(1)).body("[0].period", equalTo("2026-10")).body("[0].reason",
                equalTo("cost schema version " + version + " approved"));

        recosting.drain(tenant, "worker-1").await().indefinitely();

        // Material only through 0020: 3 × (120.00 + 0.00) = 360.00, with the approved version named
        assertThat(event(tenant, "MES-1").getString("amount")).isEqualTo("360.00");
        assertThat(event(tenant, "MES-1").getInt("schema_version")).isEqualTo(version);
        assertThat(event(tenant, "MES-9").getString("amount")).isEqualTo("655.20");
        assertThat(rollups(tenant, "2026-10")).containsExactly("360.00 3 1");
    }

    @Test
    void twoReplicasReCostingThePeriodTogetherGiveExactlyTheResultOfOne() {
        String together = newTenant();
        for (String t : List.of(tenant, together)) {
            seed(t, 60);
            runCosting(t);
            standardCost(t, "0010", 2, "150.00");
            standardCost(t, "0020", 2, "10.00");
            request(TestTokens.get().token(t, "controller"), "DAY1", "2026-10", "cost roll corrected").statusCode(202);
            recosting.split(t, "splitter").await().indefinitely();
        }

        int alone = recosting.recostParts(tenant, "alone").await().indefinitely();
        var both = Uni.combine().all()
                .unis(recosting.recostParts(together, "replica-1"), recosting.recostParts(together, "replica-2"))
                .asTuple().await().atMost(Duration.ofMinutes(2));

        // 60 events in parts of 4: 15 parts, each applied once
        assertThat(alone).isEqualTo(15);
        assertThat(both.getItem1() + both.getItem2()).isEqualTo(15);
        assertThat(rows(together, "SELECT DISTINCT claimed_by FROM recosting_job_parts ORDER BY 1"))
                .containsExactly("replica-1", "replica-2");
        assertThat(rows(together, "SELECT count(*) FROM recosting_job_parts WHERE attempts <> 1 OR status <> 'done'"))
                .containsExactly("0");
        String events = "SELECT source_id, record_version, period, unit_value, quantity, amount, cost_type "
                + "FROM costed_events WHERE NOT superseded ORDER BY source_id";
        assertThat(rows(together, events)).hasSize(60).isEqualTo(rows(tenant, events));
        String allRollups = "SELECT plant_id, period, line_id, work_center_id, defect_code, shift, cost_type, "
                + "coq_class, amount, quantity, events FROM cost_rollups ORDER BY 1, 2, 3, 4, 5, 6, 7, 8";
        assertThat(rows(together, allRollups)).isNotEmpty().isEqualTo(rows(tenant, allRollups));
        String revised = "SELECT count(*), count(DISTINCT event_id), sum(amount) FROM costed_event_revisions";
        assertThat(rows(together, revised)).isEqualTo(rows(tenant, revised)).doesNotContain("0 0 null");
        String progress = "SELECT status, total_events, done_events, parts, done_parts FROM recosting_jobs";
        assertThat(rows(together, progress)).containsExactly("done 60 60 15 15").isEqualTo(rows(tenant, progress));
        assertRollupsSumTheEvents(together);
    }

    @Test
    void aPartWhoseLeaseRanOutIsTakenOverAndTheFirstClaimIsLost() {
        long id = splitJobOfSixEvents();
        // A replica claims the first part and dies: its lease runs out at once.
        RecostingRepository.Part lost = db
                .inTenant(tenant, connection -> jobs.claimPart(connection, "gone", Duration.ZERO)).await()
                .indefinitely().orElseThrow();

        assertThat(recosting.recostParts(tenant, "replica-2").await().indefinitely()).isEqualTo(2);

        assertThat(rows(tenant, "SELECT part, attempts, claimed_by, status FROM recosting_job_parts ORDER BY part"))
                .containsExactly("0 2 replica-2 done", "1 1 replica-2 done");
        assertThat(db.inTenant(tenant, connection -> jobs.holdClaim(connection, lost, "gone")).await().indefinitely())
                .isFalse();
        job(controller, id).body("status", equalTo("done")).body("done_events", equalTo(6));
        assertThat(decimal(tenant, "SELECT count(DISTINCT event_id) FROM costed_event_revisions"))
                .isEqualByComparingTo("6");
        assertRollupsSumTheEvents(tenant);
    }

    @Test
    void aFailedPartGoesBackToTheQueueAndIsRetriedAfterItsBackOffNotBefore() {
        long id = splitJobOfSixEvents();
        // A time zone the service cannot read fails the re-cost of every event of the plant until it is put right.
        setTimeZone("Mars/Olympus_Mons");
        String parts = "SELECT part, status, attempts, last_error IS NOT NULL FROM recosting_job_parts ORDER BY part";

        assertThat(recosting.recostParts(tenant, "worker-1").await().indefinitely()).isZero();
        assertThat(rows(tenant, parts)).containsExactly("0 queued 1 true", "1 queued 1 true");
        // Queued, but not due before the back-off (2 s in tests) has passed: working again at once claims nothing.
        assertThat(decimal(tenant, "SELECT min(extract(epoch FROM next_attempt_at - now())) FROM recosting_job_parts"))
                .isGreaterThan(BigDecimal.ZERO);
        assertThat(recosting.recostParts(tenant, "worker-1").await().indefinitely()).isZero();
        assertThat(rows(tenant, parts)).containsExactly("0 queued 1 true", "1 queued 1 true");
        job(controller, id).body("status", equalTo("running")).body("done_parts", equalTo(0));

        setTimeZone("America/New_York");
        TenantRows.awaitTrue(Duration.ofSeconds(30),
                () -> recosting.recostParts(tenant, "worker-1").await().indefinitely() > 0
                        && rows(tenant, "SELECT count(*) FROM recosting_job_parts WHERE status <> 'done'")
                                .equals(List.of("0")));

        assertThat(rows(tenant, "SELECT part, status, attempts FROM recosting_job_parts ORDER BY part"))
                .containsExactly("0 done 2", "1 done 2");
        job(controller, id).body("status", equalTo("done")).body("done_events", equalTo(6));
        assertRollupsSumTheEvents(tenant);
    }

    @Test
    void aRequestNamesEveryMissingFieldAndRefusesClosedPeriodsAndUnknownPlants() {
        JsonPath problem = given().auth().oauth2(controller).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/recosting-jobs").then().statusCode(422).contentType(PROBLEM).extract().jsonPath();
        assertThat(problem.getList("errors.field")).containsExactly("plant", "period", "reason");
        request(controller, "DAY1", "October", "x").statusCode(422).body("errors[0].field", equalTo("period"));
        request(controller, "DAY1", "2026-P10", "x").statusCode(422).body("errors[0].field", equalTo("period"));
        request(controller, "NOPE", "2026-10", "x").statusCode(404).contentType(PROBLEM);
        closePeriod(tenant, "2026-09");
        request(controller, "DAY1", "2026-09", "x").statusCode(409).contentType(PROBLEM).body("detail",
                equalTo("period 2026-09 of plant DAY1 is closed: its figures are frozen; "
                        + "corrections land in the open period"));
        list(controller, "sometimes").statusCode(422).contentType(PROBLEM);
        job(controller, 999_999_999).statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(controller).get("/api/v1/recosting-jobs/abc").then().statusCode(404);
    }

    @Test
    void callersNeedATokenAndARoleAndSeeOnlyTheirTenantsAndPlantsJobs() {
        long id = request(controller, "DAY1", "2026-10", "cost roll corrected").statusCode(202).extract().jsonPath()
                .getLong("id");

        given().contentType(ContentType.JSON).body(Map.of("plant", "DAY1", "period", "2026-10", "reason", "x"))
                .post("/api/v1/recosting-jobs").then().statusCode(401);
        given().get("/api/v1/recosting-jobs/" + id).then().statusCode(401);
        given().get("/api/v1/recosting-jobs").then().statusCode(401);
        for (String role : List.of("quality", "supervisor", "ingest")) {
            String token = TestTokens.get().token(tenant, role);
            request(token, "DAY1", "2026-10", "x").statusCode(403);
            job(token, id).statusCode(403);
            list(token, null).statusCode(403);
        }
        job(TestTokens.get().token(tenant, "admin"), id).statusCode(200);

        String stranger = TestTokens.get().token(newTenant(), "controller");
        job(stranger, id).statusCode(404).contentType(PROBLEM);
        list(stranger, null).statusCode(200).body("", hasSize(0));

        String elsewhere = TestTokens.get().scopedToken(tenant, List.of("TOL2"), List.of(), "controller");
        job(elsewhere, id).statusCode(404);
        list(elsewhere, null).statusCode(200).body("", hasSize(0));
        request(elsewhere, "DAY1", "2026-10", "x").statusCode(403);
    }

    @Test
    void promptsForABatchAndFullRunsAtTheSameTimeCostEachRecordOnce() {
        UUID first = seed(tenant, 30);
        insertDefect(tenant, "MES-LATE", 1, "2", OCTOBER_14);

        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (UUID batch : Arrays.asList(first, null, first, null)) {
            runs.add(CompletableFuture.runAsync(() -> runCosting(tenant, batch)));
        }
        runs.forEach(CompletableFuture::join);

        assertThat(rows(tenant, "SELECT count(*), count(DISTINCT record_id) FROM costed_events WHERE NOT superseded"))
                .containsExactly("31 31");
        assertThat(decimal(tenant, "SELECT count(*) FROM costed_events WHERE superseded")).isZero();
        assertThat(decimal(tenant, "SELECT sum(events) FROM cost_rollups")).isEqualByComparingTo("31");
        assertRollupsSumTheEvents(tenant);
    }

    /** The rollups hold exactly the sums of the current events, by key. */
    private void assertRollupsSumTheEvents(String t) {
        assertThat(rows(t, """
                SELECT plant_id, period, line_id, work_center_id, defect_code, shift, cost_type, coq_class,
                    sum(amount), sum(quantity), count(*)
                FROM costed_events WHERE NOT superseded GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
                """)).isEqualTo(rows(t, """
                SELECT plant_id, period, line_id, work_center_id, defect_code, shift, cost_type, coq_class, amount,
                    quantity, events
                FROM cost_rollups WHERE events <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
                """));
        // The weekly rollups of the trend too: the week of each event's date in the plant's time zone.
        assertThat(rows(t, """
                SELECT e.plant_id, date_trunc('week', e.occurred_at AT TIME ZONE p.time_zone)::date, e.line_id,
                    e.defect_code, sum(e.amount), count(*)
                FROM costed_events e JOIN plants p USING (tenant_id, plant_id)
                WHERE NOT e.superseded GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                """)).isNotEmpty().isEqualTo(rows(t, """
                SELECT plant_id, week_start, line_id, defect_code, amount, events
                FROM cost_rollups_weekly WHERE events <> 0 ORDER BY 1, 2, 3, 4
                """));
        // And the part rollups of the report's cost by part.
        assertThat(rows(t, """
                SELECT plant_id, period, line_id, work_center_id, part, cost_type, sum(amount), sum(quantity), count(*)
                FROM costed_events WHERE NOT superseded GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
                """)).isNotEmpty().isEqualTo(rows(t, """
                SELECT plant_id, period, line_id, work_center_id, part, cost_type, amount, quantity, events
                FROM cost_rollups_by_part WHERE events <> 0 ORDER BY 1, 2, 3, 4, 5, 6
                """));
    }

    /** Six events costed, their cost roll restated, and a re-cost of them requested and split into two parts. */
    private long splitJobOfSixEvents() {
        seed(tenant, 6);
        runCosting(tenant);
        standardCost(tenant, "0010", 2, "150.00");
        long id = request(controller, "DAY1", "2026-10", "cost roll corrected").statusCode(202).extract().jsonPath()
                .getLong("id");
        recosting.split(tenant, "splitter").await().indefinitely();
        return id;
    }

    private ValidatableResponse request(String token, String plant, String period, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("plant", plant, "period", period, "reason", reason)).post("/api/v1/recosting-jobs").then();
    }

    private ValidatableResponse job(String token, long id) {
        return given().auth().oauth2(token).get("/api/v1/recosting-jobs/" + id).then();
    }

    private ValidatableResponse list(String token, String status) {
        var request = given().auth().oauth2(token);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return request.get("/api/v1/recosting-jobs").then();
    }

    private String newTenant() {
        String t = "t-" + UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        inTenant(t, connection -> TenantRows.tenantWithPlantAndXrefs(connection, MES));
        // C(0010) = 120.00 + 30.00 + 20.00 = 170.00; C(0020) = 170.00 + 0.00 + 28.40 + 20.00 = 218.40
        standardCost(t, "0010", 1, "120.00");
        standardCost(t, "0020", 1, "0.00");
        return t;
    }

    private void standardCost(String t, String operation, int version, String material) {
        boolean first = operation.equals("0010");
        inTenant(t, connection -> run(connection, """
                INSERT INTO standard_cost_records (tenant_id, source, plant_id, part, operation, effective_from,
                    version, batch_id, content_hash, material_cost, labor_cost, overhead_cost, currency)
                VALUES (current_tenant(), 'sap-erp', 'DAY1', '100-4471-A', $1, $2, $3, $4, $5, $6, $7, 20.00, 'USD')
                """, operation, LocalDate.parse("2026-01-01"), version, UUID.randomUUID(), operation + "-v" + version,
                new BigDecimal(material), new BigDecimal(first ? "30.00" : "28.40")));
    }

    private void insertDefect(String t, String sourceId, int version, String quantity, OffsetDateTime occurredAt) {
        inTenant(t, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, 'DAY1', 'L1', 'WC-110', 'MFG-4471', 'D-114', $6,
                    'scrap', $7, 'A', '0020')
                """, MES, sourceId, version, UUID.randomUUID(), sourceId + "-v" + version, new BigDecimal(quantity),
                occurredAt));
    }

    /**
     * {@code n} October scrap events on two lines, two shifts and both operations, 1 to 7 units each, as one ingest
     * batch; returns the batch.
     */
    private UUID seed(String t, int n) {
        UUID batch = UUID.randomUUID();
        inTenant(t, connection -> run(connection, """
                INSERT INTO defect_records (tenant_id, source, source_id, version, batch_id, content_hash, plant_id,
                    line_id, work_center_id, part, defect_code, quantity, disposition, occurred_at, shift, operation)
                SELECT current_tenant(), $1, 'E-' || lpad(i::text, 4, '0'), 1, $2, 'h' || i, 'DAY1', 'L' || (i % 2),
                    'WC-' || (i % 3), 'MFG-4471', 'D-114', i % 7 + 1, 'scrap', $3::timestamptz + i * interval '1 hour',
                    CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END, CASE WHEN i % 3 = 0 THEN '0010' ELSE '0020' END
                FROM generate_series(1, $4::int) AS i
                """, MES, batch, OffsetDateTime.parse("2026-10-02T08:00:00-04:00"), n));
        return batch;
    }

    private void setTimeZone(String zone) {
        inTenant(tenant,
                connection -> run(connection, "UPDATE plants SET time_zone = $1 WHERE plant_id = 'DAY1'", zone));
    }

    private void closePeriod(String t, String period) {
        inTenant(t,
                connection -> run(connection,
                        "INSERT INTO closed_periods (tenant_id, plant_id, period, closed_by) VALUES (current_tenant(), "
                                + "'DAY1', $1, 'reporting')",
                        period));
    }

    private void runCosting(String t) {
        runCosting(t, null);
    }

    private void runCosting(String t, UUID batch) {
        Map<String, Object> prompt = new HashMap<>();
        prompt.put("batch_id", batch);
        prompt.put("record_type", "defects");
        given().auth().oauth2(TestServiceTokens.get().token("ingest-service", t)).contentType(ContentType.JSON)
                .body(prompt).post("/api/v1/costing/runs").then().statusCode(200);
    }

    private JsonPath event(String t, String sourceId) {
        String token = TestTokens.get().token(t, "controller");
        long id = given().auth().oauth2(token).queryParam("size", 1000).get("/api/v1/costed-events").then()
                .statusCode(200).extract().jsonPath().getLong("find { it.source_id == '" + sourceId + "' }.id");
        return given().auth().oauth2(token).get("/api/v1/costed-events/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** A period's rollups as "amount quantity events", summed over their keys. */
    private List<String> rollups(String t, String period) {
        return rows(t, "SELECT sum(amount), trim_scale(sum(quantity)), sum(events) FROM cost_rollups "
                + "WHERE period = '" + period + "' HAVING count(*) > 0");
    }

    /** Each row's columns joined by spaces, so that two tenants' figures compare exactly. */
    private List<String> rows(String t, String sql) {
        return TenantRows.rows(db, t, sql);
    }

    private BigDecimal decimal(String t, String sql) {
        return new BigDecimal(rows(t, sql).get(0));
    }

    private void inTenant(String t, Function<SqlConnection, Uni<Void>> work) {
        TenantRows.inTenant(db, t, work);
    }
}

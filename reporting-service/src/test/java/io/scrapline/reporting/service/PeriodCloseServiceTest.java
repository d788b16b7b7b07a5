package io.scrapline.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scrapline.platform.tenant.TenantDb;
import io.scrapline.platform.testing.EmbeddedPostgresResource;
import io.scrapline.platform.testing.TestTenants;
import io.scrapline.reporting.repository.PeriodCloseRepository;
import io.scrapline.reporting.repository.PeriodCloseRepository.Job;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The scheduled close and the job table under concurrent claimers, against the real database. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PeriodCloseServiceTest {

    /** 2026-10-31T15:00Z: midnight of 1 November in Tokyo, 11:00 on 31 October in New York. */
    private static final Instant TOKYO_MIDNIGHT = Instant.parse("2026-10-31T15:00:00Z");

    @Inject
    TenantDb db;
    @Inject
    PeriodCloseService closes;
    @Inject
    PeriodCloseRepository jobs;

    @Test
    void twoConcurrentClaimersNeverCloseTheSameJobTwice() throws Exception {
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String tenant = "t-" + UUID.randomUUID();
            tenants.add(tenant);
            TestTenants.createWithPlant(db, tenant, "P00");
            db.inTenant(tenant,
                    connection -> Multi.createFrom().range(1, 8).onItem()
                            .transformToUniAndConcatenate(p -> connection.preparedQuery("""
                                    INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone)
                                    VALUES (current_tenant(), $1, 'Plant', 'USD', 'America/New_York')
                                    """).execute(Tuple.of(String.format("P%02d", p)))).collect().last()
                            .chain(() -> connection.query("""
                                    INSERT INTO cost_rollups (tenant_id, plant_id, period, line_id, work_center_id,
                                        defect_code, shift, cost_type, coq_class, amount, quantity, events)
                                    SELECT current_tenant(), plant_id, '2026-10', 'L1', 'WC-1', 'D-1', 'A', 'scrap',
                                        'internal_failure', 10.00, 1, 1 FROM plants
                                    """).execute()))
                    .await().indefinitely();
            // 2 November in New York: October is due for all eight plants.
            assertThat(closes.enqueueDue(tenant, Instant.parse("2026-11-02T12:00:00Z")).await().indefinitely())
                    .isEqualTo(8);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<Integer>> claimers = new ArrayList<>();
            for (String worker : List.of("claimer-a", "claimer-b")) {
                claimers.add(pool.submit(() -> {
                    start.await();
                    return drain(worker).await().atMost(Duration.ofMinutes(2));
                }));
            }
            int closed = claimers.get(0).get(3, TimeUnit.MINUTES) + claimers.get(1).get(3, TimeUnit.MINUTES);
            assertThat(closed).isGreaterThanOrEqualTo(24);
        } finally {
            pool.shutdownNow();
        }

        for (String tenant : tenants) {
            // Each job closed by one claimer on its first attempt: a second claim would have counted an attempt.
            List<Row> done = rows(tenant, "SELECT status, attempts, claimed_by FROM period_close_jobs");
            assertThat(done).hasSize(8);
            assertThat(done).allSatisfy(job -> {
                assertThat(job.getString(0)).isEqualTo("done");
                assertThat(job.getInteger(1)).isEqualTo(1);
                assertThat(job.getString(2)).isIn("claimer-a", "claimer-b");
            });
            assertThat(rows(tenant, "SELECT plant_id FROM closed_periods WHERE period = '2026-10' AND version = 1"))
                    .hasSize(8);
            List<Row> snapshots = rows(tenant,
                    "SELECT plant_id, version, report->'totals'->>'total_cost' " + "FROM report_snapshots");
            assertThat(snapshots).hasSize(8).allSatisfy(snapshot -> {
                assertThat(snapshot.getInteger(1)).isEqualTo(1);
                assertThat(snapshot.getString(2)).isEqualTo("10.00");
            });
        }
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverAndItsFirstClaimerMayNoLongerClose() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> jobs.enqueue(connection, "DAY1", "2026-10", "test")).await().indefinitely();

        Job first = db.inTenant(tenant, connection -> jobs.claim(connection, "claimer-a", Duration.ZERO, null, null))
                .await().indefinitely().orElseThrow();
        Thread.sleep(10);
        Job second = db
                .inTenant(tenant, connection -> jobs.claim(connection, "claimer-b", Duration.ofMinutes(10), null, null))
                .await().indefinitely().orElseThrow();

        assertThat(second.attempts()).isEqualTo(first.attempts() + 1);
        assertThat(db.inTenant(tenant, connection -> jobs.holdClaim(connection, first, "claimer-a")).await()
                .indefinitely()).isFalse();
        assertThat(db.inTenant(tenant, connection -> jobs.holdClaim(connection, second, "claimer-b")).await()
                .indefinitely()).isTrue();
        // claimer-b's lease runs: nobody else may claim the job now.
        assertThat(db
                .inTenant(tenant, connection -> jobs.claim(connection, "claimer-c", Duration.ofMinutes(10), null, null))
                .await().indefinitely()).isEmpty();
    }

    @Test
    void theScheduleQueuesEachPlantsLastEndedPeriodByItsTimeZoneAndCalendar() {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> connection.query("""
                INSERT INTO plants (tenant_id, plant_id, name, currency, time_zone, fiscal_calendar) VALUES
                    (current_tenant(), 'OSA1', 'Osaka', 'JPY', 'Asia/Tokyo', 'calendar'),
                    (current_tenant(), 'DAY2', 'Dayton East', 'USD', 'America/New_York', '4-4-5@2025-12-29')
                """).execute()).await().indefinitely();

        // Osaka has finished October; Dayton is still in it, so September is its last ended month; Dayton East is
        // in 2026-P11 (2026-10-26..2026-11-22), so 2026-P10 is its.
        assertThat(closes.enqueueDue(tenant, TOKYO_MIDNIGHT).await().indefinitely()).isEqualTo(3);
        assertThat(rows(tenant,
                "SELECT plant_id || ' ' || period FROM period_close_jobs WHERE status = 'queued' "
                        + "AND requested_by = 'schedule' ORDER BY plant_id").stream().map(row -> row.getString(0)))
                                .containsExactly("DAY1 2026-09", "DAY2 2026-P10", "OSA1 2026-10");
        // Queued once, however often the schedule looks.
        assertThat(closes.enqueueDue(tenant, TOKYO_MIDNIGHT.plusSeconds(60)).await().indefinitely()).isZero();

        assertThat(drain("scheduler").await().indefinitely()).isGreaterThanOrEqualTo(3);
        assertThat(rows(tenant, "SELECT plant_id FROM closed_periods WHERE closed_by = 'schedule'")).hasSize(3);
        // Closed is closed: not queued again. At midnight in New York, Dayton's October comes due.
        assertThat(closes.enqueueDue(tenant, TOKYO_MIDNIGHT.plusSeconds(60)).await().indefinitely()).isZero();
        assertThat(closes.enqueueDue(tenant, Instant.parse("2026-11-01T04:00:00Z")).await().indefinitely())
                .isEqualTo(1);
    }

    @Test
    void aCloseThatKeepsFailingIsRetriedAfterItsBackOffAndLeftFailedWithItsErrorAfterItsLastAttempt() {
        String tenant = tenantWhoseCloseFailed();
        assertThat(state(tenant)).containsExactly("queued", "1", "plant DAY1 keeps calendar months: use YYYY-MM");
        // Not due before its back-off (2 s in tests) has passed: draining again at once claims nothing.
        assertThat(closes.drain(tenant, "claimer-b").await().indefinitely()).isZero();
        assertThat(state(tenant).get(1)).isEqualTo("1");

        drainUntil(tenant, state -> state.get(1).equals("2"));
        assertThat(state(tenant).get(0)).isEqualTo("queued");
        drainUntil(tenant, state -> state.get(0).equals("failed"));
        assertThat(state(tenant)).containsExactly("failed", "3", "plant DAY1 keeps calendar months: use YYYY-MM");
        assertThat(rows(tenant, "SELECT 1 FROM closed_periods")).isEmpty();
        // Failed for good: no further attempt, however often the workers look.
        assertThat(closes.drain(tenant, "claimer-a").await().indefinitely()).isZero();
        // Asked for again, a failed close starts over.
        db.inTenant(tenant, connection -> jobs.enqueue(connection, "DAY1", "2026-P10", "test")).await().indefinitely();
        assertThat(rows(tenant, "SELECT status, attempts FROM period_close_jobs").get(0).getString(0))
                .isEqualTo("queued");
        db.inTenant(tenant, connection -> connection.query("DELETE FROM period_close_jobs").execute()).await()
                .indefinitely();
    }

    @Test
    void aCloseThatFailedIsClosedOnTheAttemptAfterItsDataIsPutRight() {
        String tenant = tenantWhoseCloseFailed();

        // The plant's fiscal calendar set as it should have been: 2026-P10 is one of its periods.
        db.inTenant(tenant, connection -> connection
                .query("UPDATE plants SET fiscal_calendar = '4-4-5@2025-12-29' WHERE plant_id = 'DAY1'").execute())
                .await().indefinitely();
        drainUntil(tenant, state -> !state.get(0).equals("queued"));

        assertThat(state(tenant).subList(0, 2)).containsExactly("done", "2");
        assertThat(rows(tenant, "SELECT period FROM closed_periods")).hasSize(1);
    }

    /**
     * A tenant whose close has failed once: a fiscal period for a plant of calendar months, as if the plant's calendar
     * changed after the close was queued. Every attempt fails until the calendar is put right.
     */
    private String tenantWhoseCloseFailed() {
        String tenant = "t-" + UUID.randomUUID();
        TestTenants.createWithPlant(db, tenant, "DAY1");
        db.inTenant(tenant, connection -> jobs.enqueue(connection, "DAY1", "2026-P10", "test")).await().indefinitely();
        assertThat(closes.drain(tenant, "claimer-a").await().indefinitely()).isZero();
        return tenant;
    }

    /** Every tenant's due closes run by {@code worker}, as a replica's {@code period-close} sweep runs them. */
    private Uni<Integer> drain(String worker) {
        return db.eachTenant("period-close", "tenants_with_period_close_jobs", tenant -> closes.drain(tenant, worker))
                .map(closed -> closed.stream().mapToInt(Integer::intValue).sum());
    }

    /** The tenant's close job as status, attempts and last error. */
    private List<String> state(String tenant) {
        Row job = rows(tenant, "SELECT status, attempts::text, last_error FROM period_close_jobs").get(0);
        return Arrays.asList(job.getString(0), job.getString(1), job.getString(2));
    }

    /** Drains the tenant's closes, as a replica's worker does on its rounds, until its close job is as wanted. */
    private void drainUntil(String tenant, Predicate<List<String>> wanted) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!wanted.test(state(tenant))) {
            assertThat(Instant.now()).as("waited 30 s for the close job").isBefore(deadline);
            closes.drain(tenant, "claimer-c").await().indefinitely();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private List<Row> rows(String tenant, String sql) {
        return db.inTenant(tenant, connection -> connection.query(sql).execute().map(result -> {
            List<Row> rows = new ArrayList<>();
            result.forEach(rows::add);
            return rows;
        })).await().indefinitely();
    }
}

package io.scrapline.platform.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.scrapline.platform.job.JobQueue.Claim;
import io.scrapline.platform.job.JobQueue.Failure;
import io.scrapline.platform.job.JobQueue.Filter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The leased job queue on a real PostgreSQL: leases that run out and are taken over, exactly-once completion by
 * concurrent claimers, retries after a back-off. Once per cluster is {@link ClusterLeaseTest}'s and
 * {@link SweepTest}'s.
 */
class JobQueueTest {

    private static final Duration LONG_LEASE = Duration.ofMinutes(10);

    @RegisterExtension
    static final QueueDatabase database = new QueueDatabase();
    private final JobQueue queue = new JobQueue("test_jobs", List.of("job_id"), "job_id");

    @BeforeEach
    void empty() {
        inTenant(connection -> connection.query("DELETE FROM test_jobs").execute());
    }

    @Test
    void aClaimHoldsItsJobUntilTheLeaseRunsOutThenAnotherWorkerTakesItOver() {
        enqueue(1);
        Claim first = claim("worker-a", Duration.ofMillis(300)).orElseThrow();
        assertThat(first.attempts()).isEqualTo(1);
        // Under its lease, the job is nobody else's; extended, the lease outlasts its first term.
        assertThat(claim("worker-b", LONG_LEASE)).isEmpty();
        assertThat(
                JobQueueTest.<Boolean> inTenant(connection -> queue.extend(connection, first, Duration.ofSeconds(2))))
                        .isTrue();
        Waiting.sleep(500);
        assertThat(claim("worker-b", LONG_LEASE)).isEmpty();

        // Not extended again, the lease runs out: its worker is presumed gone, and another takes the job over.
        Claim second = awaitClaim("worker-b");
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(second.attempts()).isEqualTo(2);
        // The first worker lost its claim: it can neither hold, complete nor fail the job.
        assertThat(JobQueueTest.<Boolean> inTenant(connection -> queue.hold(connection, first))).isFalse();
        assertThat(JobQueueTest.<Boolean> inTenant(connection -> queue.complete(connection, first))).isFalse();
        assertThat(
                JobQueueTest.<Failure> inTenant(connection -> queue.fail(connection, first, "late", 3, Backoff.NONE)))
                        .isEqualTo(Failure.LOST);
        assertThat(JobQueueTest.<Boolean> inTenant(connection -> queue.extend(connection, first, LONG_LEASE)))
                .isFalse();
        assertThat(JobQueueTest.<Boolean> inTenant(connection -> queue.hold(connection, second)
                .chain(held -> queue.complete(connection, second).map(done -> held && done)))).isTrue();
        assertThat(job(1).getString("status")).isEqualTo("done");
        assertThat(job(1).getString("claimed_by")).isEqualTo("worker-b");
        assertThat(claim("worker-c", Duration.ZERO)).isEmpty();
    }

    @Test
    void twoClaimersCompleteEveryJobExactlyOnce() {
        int jobs = 40;
        for (int id = 1; id <= jobs; id++) {
            enqueue(id);
        }
        List<Object> doneByA = Collections.synchronizedList(new ArrayList<>());
        List<Object> doneByB = Collections.synchronizedList(new ArrayList<>());

        Uni.combine().all().unis(drain("worker-a", doneByA), drain("worker-b", doneByB)).discardItems().await()
                .atMost(Duration.ofMinutes(1));

        List<Object> all = new ArrayList<>(doneByA);
        all.addAll(doneByB);
        assertThat(all).hasSize(jobs).doesNotHaveDuplicates();
        assertThat(JobQueueTest.<Long> inTenant(
                connection -> connection.query("SELECT count(*) FROM test_jobs WHERE status = 'done' AND attempts = 1")
                        .execute().map(rows -> rows.iterator().next().getLong(0)))).isEqualTo((long) jobs);
    }

    @Test
    void aClaimRacingAnotherForTheOnlyJobGetsNothing() {
        enqueue(1);
        var a = database.db
                .inTenant(QueueDatabase.TENANT,
                        connection -> queue.claim(connection, "worker-a", LONG_LEASE, Filter.NONE, ""))
                .subscribeAsCompletionStage();
        var b = database.db
                .inTenant(QueueDatabase.TENANT,
                        connection -> queue.claim(connection, "worker-b", LONG_LEASE, Filter.NONE, ""))
                .subscribeAsCompletionStage();
        List<Optional<Row>> claims = List.of(a.join(), b.join());
        assertThat(claims.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    }

    @Test
    void aFailedJobIsRetriedAfterItsBackOffThenFailedForGoodAfterItsLastAttempt() {
        enqueue(1);
        Backoff backoff = new Backoff(Duration.ofSeconds(60), Duration.ofSeconds(90));

        Claim first = claim("worker-a", LONG_LEASE).orElseThrow();
        assertThat(JobQueueTest.<Failure> inTenant(connection -> queue.fail(connection, first, "boom 1", 3, backoff)))
                .isEqualTo(Failure.RETRY);
        assertThat(job(1).getString("status")).isEqualTo("queued");
        assertThat(secondsUntilNextAttempt()).isCloseTo(60, within(5.0));
        // Not due yet: nobody claims it.
        assertThat(claim("worker-b", LONG_LEASE)).isEmpty();

        makeDue();
        Claim second = claim("worker-b", LONG_LEASE).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(JobQueueTest.<Failure> inTenant(connection -> queue.fail(connection, second, "boom 2", 3, backoff)))
                .isEqualTo(Failure.RETRY);
        // Doubled, up to the maximum.
        assertThat(secondsUntilNextAttempt()).isCloseTo(90, within(5.0));

        makeDue();
        Claim third = claim("worker-a", LONG_LEASE).orElseThrow();
        assertThat(JobQueueTest.<Failure> inTenant(connection -> queue.fail(connection, third, "boom 3", 3, backoff)))
                .isEqualTo(Failure.FAILED);
        Row job = job(1);
        assertThat(job.getString("status")).isEqualTo("failed");
        assertThat(job.getInteger("attempts")).isEqualTo(3);
        assertThat(job.getString("last_error")).isEqualTo("boom 3");
        assertThat(job.getValue("finished_at")).isNotNull();
        makeDue();
        assertThat(claim("worker-b", LONG_LEASE)).isEmpty();
    }

    @Test
    void aFailedJobIsNotClaimedBeforeItsBackOffHasPassedAndIsClaimedAfter() {
        enqueue(1);
        Backoff backoff = new Backoff(Duration.ofMillis(1500), Duration.ofMillis(1500));
        Claim first = claim("worker-a", LONG_LEASE).orElseThrow();
        long failing = System.nanoTime();
        assertThat(JobQueueTest.<Failure> inTenant(connection -> queue.fail(connection, first, "boom", 3, backoff)))
                .isEqualTo(Failure.RETRY);

        assertThat(claim("worker-a", LONG_LEASE)).isEmpty();
        Claim second = awaitClaim("worker-b");
        assertThat(Duration.ofNanos(System.nanoTime() - failing)).isGreaterThanOrEqualTo(backoff.first());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(job(1).getString("last_error")).isEqualTo("boom");
    }

    @Test
    void aJobQueuedForLaterIsNotClaimedBeforeItIsDue() {
        assertThat(JobQueueTest.<Boolean> inTenant(connection -> queue.enqueue(connection, List.of("job_id"),
                List.of(7), OffsetDateTime.now().plusHours(1)))).isTrue();
        assertThat(JobQueueTest
                .<Boolean> inTenant(connection -> queue.enqueue(connection, List.of("job_id"), List.of(7), null)))
                        .isFalse();
        assertThat(claim("worker-a", LONG_LEASE)).isEmpty();
        makeDue();
        assertThat(claim("worker-a", LONG_LEASE)).isPresent();
    }

    @Test
    void aFilterNarrowsTheClaimableJobs() {
        enqueue(1);
        enqueue(2);
        Optional<Row> claimed = inTenant(connection -> queue.claim(connection, "worker-a", LONG_LEASE,
                new Filter("job_id = $1", List.of(2)), "job_id * 10"));
        assertThat(claimed).isPresent();
        assertThat(claimed.get().getInteger(0)).isEqualTo(2);
        assertThat(claimed.get().getInteger(1)).isEqualTo(1);
        assertThat(claimed.get().getInteger(2)).isEqualTo(20);
    }

    @Test
    void theBackOffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(35));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(35));
        assertThat(backoff.after(100)).isEqualTo(Duration.ofSeconds(35));
        assertThat(Backoff.NONE.after(5)).isZero();
    }

    private Uni<Void> drain(String worker, List<Object> done) {
        return database.db.inTenant(QueueDatabase.TENANT,
                connection -> queue.claim(connection, worker, LONG_LEASE, Filter.NONE, "")).chain(row -> {
                    if (row.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Claim claim = queue.claimOf(row.get(), worker);
                    return database.db
                            .inTenant(QueueDatabase.TENANT, connection -> queue.hold(connection, claim).chain(
                                    held -> held ? queue.complete(connection, claim) : Uni.createFrom().item(false)))
                            .invoke(completed -> {
                                if (completed) {
                                    done.add(claim.key().get(0));
                                }
                            }).chain(() -> drain(worker, done));
                });
    }

    private void enqueue(int id) {
        inTenant(connection -> queue.enqueue(connection, List.of("job_id"), List.of(id), null));
    }

    private Optional<Claim> claim(String worker, Duration lease) {
        return inTenant(connection -> queue.claim(connection, worker, lease, Filter.NONE, ""))
                .map(row -> queue.claimOf(row, worker));
    }

    /** The claim of {@code worker} as soon as a job is claimable: none is at first. */
    private Claim awaitClaim(String worker) {
        List<Claim> claimed = new ArrayList<>();
        Waiting.until(() -> claim(worker, LONG_LEASE).map(claimed::add).orElse(false));
        return claimed.get(0);
    }

    private Row job(int id) {
        return inTenant(connection -> connection.query("SELECT * FROM test_jobs WHERE job_id = " + id).execute()
                .map(rows -> rows.iterator().next()));
    }

    private double secondsUntilNextAttempt() {
        return inTenant(connection -> connection
                .query("SELECT extract(epoch FROM next_attempt_at - now())::float8 FROM test_jobs").execute()
                .map(rows -> rows.iterator().next().getDouble(0)));
    }

    private void makeDue() {
        inTenant(connection -> connection.query("UPDATE test_jobs SET next_attempt_at = now() - interval '1 second'")
                .execute());
    }

    private static <T> T inTenant(Function<SqlConnection, Uni<T>> work) {
        return database.db.inTenant(QueueDatabase.TENANT, work).await().atMost(Duration.ofSeconds(30));
    }
}

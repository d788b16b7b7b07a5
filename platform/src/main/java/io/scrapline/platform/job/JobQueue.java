package io.scrapline.platform.job;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A leased job queue on one tenant table: queue a job, claim it under a lease, hold the claim for the work's
 * transaction (or extend its lease), complete it, or fail it with a retry after a back-off.
 * <p>
 * The table has the tenant's key columns named here and these: {@code status} ('queued', 'running', 'done', 'failed'),
 * {@code attempts integer}, {@code claimed_by text}, {@code claimed_at}, {@code lease_until}, {@code next_attempt_at},
 * {@code finished_at} ({@code timestamptz}) and {@code last_error text}. Every statement runs in the caller's tenant
 * transaction, so row-level security keeps it to that tenant's jobs.
 * <p>
 * A claim is a short transaction of its own that marks one job running with a lease: a job is claimable when it is
 * queued and due, or running past its lease (its worker died). {@code FOR UPDATE SKIP LOCKED} skips the jobs another
 * transaction is claiming or working on right now instead of waiting for them. The work then runs in another
 * transaction that first {@linkplain #hold holds} the claim: it locks the job's row and checks the claim is still this
 * worker's, since a lease that ran out may have been taken over. {@code attempts} counts the claims and identifies each
 * one, so a worker whose lease was taken over can neither complete nor fail the job of its successor.
 */
public final class JobQueue {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    /**
     * A claim of one job: its key values (in the order of the queue's key columns), the worker that holds it and the
     * attempt it is.
     */
    public record Claim(List<Object> key, String worker, int attempts) {
    }

    /** A condition on the claimable jobs, SQL over the table's columns with its own parameters {@code $1, $2...}. */
    public record Filter(String sql, List<Object> args) {

        /** Every claimable job. */
        public static final Filter NONE = new Filter("true", List.of());
    }

    /** What a failed attempt left: the job queued for a retry, failed for good, or not this worker's any more. */
    public enum Failure {
        RETRY, FAILED, LOST
    }

    private final String table;
    private final List<String> key;
    private final String order;

    /**
     * @param table
     *            the job table
     * @param key
     *            the columns that name a job within a tenant
     * @param order
     *            the columns the oldest claimable job comes first by (an SQL {@code ORDER BY} list)
     */
    public JobQueue(String table, List<String> key, String order) {
        if (!IDENTIFIER.matcher(table).matches() || key.isEmpty()
                || !key.stream().allMatch(column -> IDENTIFIER.matcher(column).matches())) {
            throw new IllegalArgumentException("not a job table: " + table + " " + key);
        }
        this.table = table;
        this.key = List.copyOf(key);
        this.order = order;
    }

    public String table() {
        return table;
    }

    /**
     * Queues a job of the tenant: the named columns' values, due at {@code due} (now when null); nothing if a job of
     * the same key is there already. Returns whether it was queued.
     */
    public Uni<Boolean> enqueue(SqlConnection connection, List<String> columns, List<Object> values,
            OffsetDateTime due) {
        if (columns.size() != values.size()
                || !columns.stream().allMatch(column -> IDENTIFIER.matcher(column).matches())) {
            throw new IllegalArgumentException("columns and values do not match: " + columns);
        }
        List<Object> args = new ArrayList<>(values);
        args.add(due);
        String placeholders = IntStream.rangeClosed(1, values.size()).mapToObj(i -> "$" + i)
                .collect(Collectors.joining(", "));
        return connection
                .preparedQuery("INSERT INTO " + table + " (tenant_id, " + String.join(", ", columns)
                        + ", next_attempt_at) VALUES (current_tenant(), " + placeholders + ", $" + args.size()
                        + "::timestamptz) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(args)).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Claims the first claimable job that {@code filter} admits, for {@code lease}; returns its row (the key columns,
     * {@code attempts} and the {@code returning} expressions, in this order), or nothing when none is claimable.
     *
     * @param returning
     *            further SQL expressions to return, over the table's columns (empty for none)
     */
    public Uni<Optional<Row>> claim(SqlConnection connection, String worker, Duration lease, Filter filter,
            String returning) {
        int first = 3;
        List<Object> args = new ArrayList<>(List.of(worker, lease.toMillis()));
        args.addAll(filter.args());
        String condition = shift(filter.sql(), first - 1);
        String keys = String.join(", ", key);
        return connection.preparedQuery("UPDATE " + table + """
                 SET status = 'running', attempts = attempts + 1, claimed_by = $1, claimed_at = now(),
                    lease_until = now() + $2 * interval '1 millisecond', next_attempt_at = NULL
                -- A scalar subquery runs once; as a joined FROM item it could be re-run per row and claim several.
                WHERE (%s) = (
                    SELECT %s FROM %s
                    WHERE ((status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
                           OR (status = 'running' AND lease_until < now()))
                      AND (%s)
                    ORDER BY %s
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING %s, attempts%s
                """.formatted(keys, keys, table, condition, order, keys, returning.isBlank() ? "" : ", " + returning))
                .execute(Tuple.from(args))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next()));
    }

    /** The claim of a row that {@link #claim} returned. */
    public Claim claimOf(Row row, String worker) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            values.add(row.getValue(i));
        }
        return new Claim(values, worker, row.getInteger(key.size()));
    }

    /**
     * Holds the claim for the rest of the caller's transaction: locks the job's row if the claim is still the worker's;
     * false if its lease ran out and another worker claimed it since. While the lock is held no other worker can take
     * the job over, whatever its lease says.
     */
    public Uni<Boolean> hold(SqlConnection connection, Claim claim) {
        return connection.preparedQuery("SELECT 1 FROM " + table + " WHERE " + claimed(claim) + " FOR UPDATE")
                .execute(claimArgs(claim, List.of())).map(rows -> rows.size() == 1);
    }

    /**
     * Extends the claim's lease to {@code lease} from now, for work that spans several transactions; false if the claim
     * is not the worker's any more.
     */
    public Uni<Boolean> extend(SqlConnection connection, Claim claim, Duration lease) {
        int at = key.size() + 3;
        return connection
                .preparedQuery("UPDATE " + table + " SET lease_until = now() + $" + at
                        + " * interval '1 millisecond' WHERE " + claimed(claim))
                .execute(claimArgs(claim, List.of(lease.toMillis()))).map(rows -> rows.rowCount() == 1);
    }

    /** Marks the claimed job done; false if the claim is not the worker's any more (then nothing changes). */
    public Uni<Boolean> complete(SqlConnection connection, Claim claim) {
        return connection
                .preparedQuery("UPDATE " + table + " SET status = 'done', finished_at = clock_timestamp(), "
                        + "lease_until = NULL WHERE " + claimed(claim))
                .execute(claimArgs(claim, List.of())).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Ends a failed attempt: the job goes back to the queue, due after the back-off, or is failed for good after
     * {@code maxAttempts}; either way with its error. Nothing changes when the claim is not the worker's any more.
     */
    public Uni<Failure> fail(SqlConnection connection, Claim claim, String error, int maxAttempts, Backoff backoff) {
        int at = key.size() + 3;
        return connection.preparedQuery("UPDATE " + table + """
                 SET status = CASE WHEN attempts >= $%d THEN 'failed' ELSE 'queued' END, last_error = $%d,
                    lease_until = NULL, finished_at = CASE WHEN attempts >= $%d THEN now() END,
                    next_attempt_at = CASE WHEN attempts >= $%d THEN NULL
                                           ELSE now() + $%d * interval '1 millisecond' END
                WHERE %s
                RETURNING status
                """.formatted(at, at + 1, at, at, at + 2, claimed(claim)))
                .execute(claimArgs(claim, List.of(maxAttempts, error, backoff.after(claim.attempts()).toMillis())))
                .map(rows -> rows.size() == 0 ? Failure.LOST
                        : "failed".equals(rows.iterator().next().getString(0)) ? Failure.FAILED : Failure.RETRY);
    }

    /** The condition that the job is running under the claim: key $1..$k, worker $k+1, attempts $k+2. */
    private String claimed(Claim claim) {
        if (claim.key().size() != key.size()) {
            throw new IllegalArgumentException("a claim of " + table + " names " + key);
        }
        String keys = IntStream.range(0, key.size()).mapToObj(i -> key.get(i) + " = $" + (i + 1))
                .collect(Collectors.joining(" AND "));
        return keys + " AND status = 'running' AND claimed_by = $" + (key.size() + 1) + " AND attempts = $"
                + (key.size() + 2);
    }

    private static Tuple claimArgs(Claim claim, List<Object> more) {
        List<Object> args = new ArrayList<>(claim.key());
        args.add(claim.worker());
        args.add(claim.attempts());
        args.addAll(more);
        return Tuple.from(args);
    }

    /** Renumbers a filter's parameters $1..$n to follow {@code by} parameters before them. */
    private static String shift(String sql, int by) {
        return PARAMETER.matcher(sql).replaceAll(m -> "\\$" + (Integer.parseInt(m.group(1)) + by));
    }
}

package io.scrapline.alert.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.DistributionRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The log of distributions: the runs, newest first, each with the delivery to each of its recipients. */
@ApplicationScoped
public class DistributionLogRepository {

    /** A page of runs of {@code plants} (every plant when empty), narrowed by the filters that are not null. */
    public Uni<List<DistributionRecord>> list(SqlConnection connection, String subscription, String plant,
            String status, String cadence, String[] plants, int page, int size) {
        return connection.preparedQuery("""
                SELECT subscription_id, plant_id, run_key, cadence, period, week_start, as_of, version, due_at, status,
                    attempts, last_error, created_at, finished_at
                FROM distribution_runs
                WHERE ($1::text IS NULL OR subscription_id = $1) AND ($2::text IS NULL OR plant_id = $2)
                  AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR cadence = $4)
                  AND (cardinality($5::text[]) = 0 OR plant_id = ANY($5))
                ORDER BY created_at DESC, subscription_id, plant_id, run_key
                LIMIT $6 OFFSET $7
                """).execute(Tuple.tuple().addValue(subscription).addValue(plant).addValue(status).addValue(cadence)
                .addValue(plants).addValue(size).addValue((long) page * size)).chain(rows -> {
                    List<DistributionRecord> runs = new ArrayList<>();
                    for (Row row : rows) {
                        runs.add(new DistributionRecord(row.getString("subscription_id"), row.getString("plant_id"),
                                row.getString("run_key"), row.getString("cadence"), row.getString("period"),
                                row.getLocalDate("week_start"), row.getLocalDate("as_of"), row.getInteger("version"),
                                row.getOffsetDateTime("due_at"), row.getString("status"), row.getInteger("attempts"),
                                row.getString("last_error"), row.getOffsetDateTime("created_at"),
                                row.getOffsetDateTime("finished_at"), List.of()));
                    }
                    return runs.isEmpty() ? Uni.createFrom().item(runs) : withDeliveries(connection, runs);
                });
    }

    private static Uni<List<DistributionRecord>> withDeliveries(SqlConnection connection,
            List<DistributionRecord> runs) {
        return connection.preparedQuery("""
                SELECT d.subscription_id, d.plant_id, d.run_key, d.recipient, d.member_name, d.role, d.report_view,
                    d.lines, d.formats, d.status, d.attempts, d.status_code, d.provider_message_id, d.summary,
                    d.error_class, d.first_attempt_at, d.last_attempt_at
                FROM distribution_deliveries d
                JOIN unnest($1::text[], $2::text[], $3::text[]) AS r(subscription_id, plant_id, run_key)
                    USING (subscription_id, plant_id, run_key)
                ORDER BY d.recipient
                """)
                .execute(Tuple.of(runs.stream().map(DistributionRecord::subscriptionId).toArray(String[]::new),
                        runs.stream().map(DistributionRecord::plant).toArray(String[]::new),
                        runs.stream().map(DistributionRecord::runKey).toArray(String[]::new)))
                .map(rows -> {
                    Map<List<String>, List<DistributionRecord.Delivery>> byRun = new HashMap<>();
                    for (Row row : rows) {
                        byRun.computeIfAbsent(List.of(row.getString("subscription_id"), row.getString("plant_id"),
                                row.getString("run_key")), key -> new ArrayList<>())
                                .add(new DistributionRecord.Delivery(row.getString("recipient"),
                                        row.getString("member_name"), row.getString("role"),
                                        row.getString("report_view"), List.of(row.getArrayOfStrings("lines")),
                                        List.of(row.getArrayOfStrings("formats")), row.getString("status"),
                                        row.getInteger("attempts"), row.getInteger("status_code"),
                                        row.getString("provider_message_id"), row.getString("summary"),
                                        row.getString("error_class"), row.getOffsetDateTime("first_attempt_at"),
                                        row.getOffsetDateTime("last_attempt_at")));
                    }
                    return runs.stream()
                            .map(run -> run.withDeliveries(byRun
                                    .getOrDefault(List.of(run.subscriptionId(), run.plant(), run.runKey()), List.of())))
                            .toList();
                });
    }
}

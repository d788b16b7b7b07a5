package io.scrapline.alert.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.ReferenceNoticeRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The log of notices of unmapped source values and digests: newest first, each with its deliveries. */
@ApplicationScoped
public class ReferenceNoticeLogRepository {

    /**
     * A page of notices, narrowed by the filters that are not null; with {@code plants} (a token limited to plants),
     * only those that name some plants, every one of them among {@code plants}.
     */
    public Uni<List<ReferenceNoticeRecord>> list(SqlConnection connection, String kind, String status, String[] plants,
            int page, int size) {
        return connection.preparedQuery("""
                SELECT notice_id, kind, reason, source, source_value, digest_date, plant_ids, events, quantity, note,
                    status, attempts, last_error, due_at, created_at, finished_at, resolved_at
                FROM reference_notices
                WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2)
                  AND (cardinality($3::text[]) = 0 OR (cardinality(plant_ids) > 0 AND plant_ids <@ $3::text[]))
                ORDER BY created_at DESC, notice_id DESC
                LIMIT $4 OFFSET $5
                """).execute(Tuple.tuple().addValue(kind).addValue(status).addValue(plants).addValue(size)
                .addValue((long) page * size)).chain(rows -> {
                    List<ReferenceNoticeRecord> notices = new ArrayList<>();
                    for (Row row : rows) {
                        notices.add(new ReferenceNoticeRecord(row.getLong("notice_id"), row.getString("kind"),
                                row.getString("reason"), row.getString("source"), row.getString("source_value"),
                                row.getLocalDate("digest_date"), List.of(row.getArrayOfStrings("plant_ids")),
                                row.getLong("events"), row.getBigDecimal("quantity"), row.getString("note"),
                                row.getString("status"), row.getInteger("attempts"), row.getString("last_error"),
                                row.getOffsetDateTime("due_at"), row.getOffsetDateTime("created_at"),
                                row.getOffsetDateTime("finished_at"), row.getOffsetDateTime("resolved_at"), List.of()));
                    }
                    return notices.isEmpty() ? Uni.createFrom().item(notices) : withDeliveries(connection, notices);
                });
    }

    private static Uni<List<ReferenceNoticeRecord>> withDeliveries(SqlConnection connection,
            List<ReferenceNoticeRecord> notices) {
        return connection.preparedQuery("""
                SELECT notice_id, recipient, member_name, status, attempts, status_code, provider_message_id, summary,
                    error_class, first_attempt_at, last_attempt_at
                FROM reference_notice_deliveries
                WHERE notice_id = ANY($1)
                ORDER BY recipient
                """).execute(Tuple.of(notices.stream().map(ReferenceNoticeRecord::id).toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<ReferenceNoticeRecord.Delivery>> byNotice = new HashMap<>();
                    for (Row row : rows) {
                        byNotice.computeIfAbsent(row.getLong("notice_id"), id -> new ArrayList<>())
                                .add(new ReferenceNoticeRecord.Delivery(row.getString("recipient"),
                                        row.getString("member_name"), row.getString("status"),
                                        row.getInteger("attempts"), row.getInteger("status_code"),
                                        row.getString("provider_message_id"), row.getString("summary"),
                                        row.getString("error_class"), row.getOffsetDateTime("first_attempt_at"),
                                        row.getOffsetDateTime("last_attempt_at")));
                    }
                    return notices.stream()
                            .map(notice -> notice.withDeliveries(byNotice.getOrDefault(notice.id(), List.of())))
                            .toList();
                });
    }
}

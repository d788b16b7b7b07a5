package io.scrapline.alert.repository;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.domain.Subscription;
import io.scrapline.alert.domain.SubscriptionInput;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The distribution subscriptions of the tenant. A subscription is visible to a token of its plant, or of every plant; a
 * subscription of every plant ({@code *}) only to a token of every plant.
 */
@ApplicationScoped
public class SubscriptionRepository {

    private static final String COLUMNS = """
            subscription_id, audience_id, plant_id, cadence, formats, send_at, weekday, enabled, created_at,
            updated_at, updated_by""";
    /** Of the plants $n (every plant when empty); '*' is in no plant list, so a plant-limited token never sees it. */
    private static final String IN_SCOPE = "(cardinality($%d::text[]) = 0 OR plant_id = ANY($%d))";

    /** A daily or weekly subscription with one of the plants it covers, for the schedule. */
    public record Schedulable(String subscriptionId, String cadence, LocalTime sendAt, DayOfWeek weekday,
            OffsetDateTime createdAt, String plant, String timeZone, String fiscalCalendar) {
    }

    /** Which of the subscription's references are missing: {@code audience}, {@code plant} (never for {@code *}). */
    public Uni<List<String>> missingReferences(SqlConnection connection, String audience, String plant) {
        return connection.preparedQuery("""
                SELECT NOT EXISTS (SELECT 1 FROM audiences WHERE audience_id = $1),
                       $2 <> '*' AND NOT EXISTS (SELECT 1 FROM plants WHERE plant_id = $2)
                """).execute(Tuple.of(audience, plant)).map(rows -> {
            Row row = rows.iterator().next();
            List<String> missing = new ArrayList<>();
            if (row.getBoolean(0)) {
                missing.add("audience");
            }
            if (row.getBoolean(1)) {
                missing.add("plant");
            }
            return missing;
        });
    }

    /**
     * Stores the subscription unless it exists and is of a plant outside {@code plants} (every plant when empty): a
     * token of one plant does not take over another plant's subscription. Whether it was stored. Its creation time
     * stays what it was.
     */
    public Uni<Boolean> upsert(SqlConnection connection, String id, SubscriptionInput input, String by,
            String[] plants) {
        return connection.preparedQuery("""
                INSERT INTO distribution_subscriptions (tenant_id, subscription_id, audience_id, plant_id, cadence,
                    formats, send_at, weekday, enabled, updated_by)
                VALUES (current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (tenant_id, subscription_id) DO UPDATE SET audience_id = excluded.audience_id,
                    plant_id = excluded.plant_id, cadence = excluded.cadence, formats = excluded.formats,
                    send_at = excluded.send_at, weekday = excluded.weekday, enabled = excluded.enabled,
                    updated_by = excluded.updated_by, updated_at = now()
                WHERE cardinality($10::text[]) = 0 OR distribution_subscriptions.plant_id = ANY($10)
                """).execute(Tuple.tuple().addValue(id).addValue(input.audience()).addValue(input.plant())
                .addValue(input.cadence()).addValue(input.formats().toArray(String[]::new)).addValue(input.sendTime())
                .addValue(input.day() == null ? null : (short) input.day().getValue()).addValue(input.isEnabled())
                .addValue(by).addValue(plants)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Optional<Subscription>> find(SqlConnection connection, String id, String[] plants) {
        return connection
                .preparedQuery("SELECT " + COLUMNS + " FROM distribution_subscriptions WHERE subscription_id = $1 AND "
                        + IN_SCOPE.formatted(2, 2))
                .execute(Tuple.of(id, plants))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(subscription(rows.iterator().next())));
    }

    /** The subscriptions of {@code plants} (every plant and {@code *} when empty), by id. */
    public Uni<List<Subscription>> list(SqlConnection connection, String[] plants) {
        return connection
                .preparedQuery("SELECT " + COLUMNS + " FROM distribution_subscriptions WHERE "
                        + IN_SCOPE.formatted(1, 1) + " ORDER BY subscription_id")
                .execute(Tuple.of(plants)).map(rows -> {
                    List<Subscription> subscriptions = new ArrayList<>();
                    rows.forEach(row -> subscriptions.add(subscription(row)));
                    return subscriptions;
                });
    }

    /**
     * Deletes the subscription of {@code plants}, with its runs that are queued and never tried (they would send
     * nothing now); the runs that went out stay as the record of what was sent. Whether it was there.
     */
    public Uni<Boolean> delete(SqlConnection connection, String id, String[] plants) {
        return connection.preparedQuery("""
                DELETE FROM distribution_runs r
                WHERE r.subscription_id = $1 AND r.status = 'queued' AND r.attempts = 0
                  AND EXISTS (SELECT 1 FROM distribution_subscriptions s WHERE s.subscription_id = $1
                              AND (cardinality($2::text[]) = 0 OR s.plant_id = ANY($2)))
                """).execute(Tuple.of(id, plants)).chain(() -> connection.preparedQuery(
                "DELETE FROM distribution_subscriptions WHERE subscription_id = $1 AND " + IN_SCOPE.formatted(2, 2))
                .execute(Tuple.of(id, plants))).map(rows -> rows.rowCount() > 0);
    }

    /**
     * Every enabled daily and weekly subscription with each plant it covers, and the plant's time zone and calendar.
     */
    public Uni<List<Schedulable>> schedulable(SqlConnection connection) {
        return connection.query("""
                SELECT s.subscription_id, s.cadence, s.send_at, s.weekday, s.created_at, p.plant_id, p.time_zone,
                    p.fiscal_calendar
                FROM distribution_subscriptions s
                JOIN plants p ON p.tenant_id = s.tenant_id AND (s.plant_id = '*' OR p.plant_id = s.plant_id)
                WHERE s.enabled AND s.cadence IN ('daily', 'weekly')
                ORDER BY s.subscription_id, p.plant_id
                """).execute().map(rows -> {
            List<Schedulable> schedulable = new ArrayList<>();
            for (Row row : rows) {
                Short weekday = row.getShort("weekday");
                schedulable.add(new Schedulable(row.getString("subscription_id"), row.getString("cadence"),
                        row.getLocalTime("send_at"), weekday == null ? null : DayOfWeek.of(weekday),
                        row.getOffsetDateTime("created_at"), row.getString("plant_id"), row.getString("time_zone"),
                        row.getString("fiscal_calendar")));
            }
            return schedulable;
        });
    }

    /** The subscription as the audit records it, in the API's fields. */
    public static JsonObject json(Subscription subscription) {
        return new JsonObject().put("id", subscription.id()).put("audience", subscription.audience())
                .put("plant", subscription.plant()).put("cadence", subscription.cadence())
                .put("formats", new JsonArray(subscription.formats()))
                .put("send_at", subscription.sendAt() == null ? null : subscription.sendAt().toString())
                .put("weekday",
                        subscription.weekday() == null ? null : subscription.weekday().name().toLowerCase(Locale.ROOT))
                .put("enabled", subscription.enabled());
    }

    private static Subscription subscription(Row row) {
        Short weekday = row.getShort("weekday");
        return new Subscription(row.getString("subscription_id"), row.getString("audience_id"),
                row.getString("plant_id"), row.getString("cadence"), List.of(row.getArrayOfStrings("formats")),
                row.getLocalTime("send_at"), weekday == null ? null : DayOfWeek.of(weekday), row.getBoolean("enabled"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getString("updated_by"));
    }
}

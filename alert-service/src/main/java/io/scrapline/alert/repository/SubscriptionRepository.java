package io.scrapline.alert.repository;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.scrapline.alert.domain.DistributionSubscription;
import io.scrapline.alert.domain.Subscription;
import io.scrapline.alert.domain.SubscriptionInput;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The distribution subscriptions of the tenant, as entities within a {@link TenantSessions} transaction; the schedule's
 * sweep reads them in SQL, joined with the plants they cover. A subscription is visible to a token of its plant, or of
 * every plant; a subscription of every plant ({@code *}) only to a token of every plant.
 */
@ApplicationScoped
public class SubscriptionRepository
        implements PanacheRepositoryBase<DistributionSubscription, DistributionSubscription.Key> {

    /** A daily or weekly subscription with one of the plants it covers, for the schedule. */
    public record Schedulable(String subscriptionId, String cadence, LocalTime sendAt, DayOfWeek weekday,
            OffsetDateTime createdAt, String plant, String timeZone, String fiscalCalendar) {
    }

    /** The subscription, its row locked until the transaction ends; null if there is none. */
    public Uni<DistributionSubscription> forUpdate(String tenant, String id) {
        return findById(new DistributionSubscription.Key(tenant, id), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The subscription if it is of {@code plants} (any when empty); else null. */
    public Uni<DistributionSubscription> find(String tenant, String id, String[] plants) {
        return findById(new DistributionSubscription.Key(tenant, id))
                .map(row -> row == null || !inScope(row, plants) ? null : row);
    }

    /** The subscriptions of {@code plants} (every plant and {@code *} when empty), by id. */
    public Uni<List<DistributionSubscription>> list(String[] plants) {
        // '*' is in no plant list, so a plant-limited token never sees a subscription of every plant.
        return plants.length == 0 ? listAll(Sort.by("subscriptionId"))
                : list("plantId in ?1", Sort.by("subscriptionId"), List.of(plants));
    }

    /**
     * Deletes the subscription with its runs that are queued and never tried (they would send nothing now); the runs
     * that went out stay as the record of what was sent.
     */
    public Uni<Void> deleteWithUntriedRuns(DistributionSubscription subscription) {
        return getSession().chain(session -> session.createNativeQuery("""
                DELETE FROM distribution_runs WHERE subscription_id = :id AND status = 'queued' AND attempts = 0
                """).setParameter("id", subscription.getSubscriptionId()).executeUpdate())
                .chain(() -> delete(subscription));
    }

    /** Whether a token of {@code plants} (every plant when empty) may see and change it. */
    public static boolean inScope(DistributionSubscription subscription, String[] plants) {
        return plants.length == 0 || List.of(plants).contains(subscription.getPlantId());
    }

    /**
     * Writes {@code input} onto the subscription {@code id}, a new row (null: made here) or the stored one, as changed
     * by {@code by} at {@code at}; its creation time stays what it was.
     */
    public static DistributionSubscription fill(DistributionSubscription stored, String tenant, String id,
            SubscriptionInput input, String by, OffsetDateTime at) {
        DistributionSubscription row = stored;
        if (row == null) {
            row = new DistributionSubscription();
            row.setTenantId(tenant);
            row.setSubscriptionId(id);
            row.setCreatedAt(at);
        }
        row.setAudienceId(input.audience());
        row.setPlantId(input.plant());
        row.setCadence(input.cadence());
        row.setFormats(input.formats().toArray(String[]::new));
        row.setSendAt(input.sendTime());
        row.setWeekday(input.day() == null ? null : (short) input.day().getValue());
        row.setEnabled(input.isEnabled());
        row.setUpdatedAt(at);
        row.setUpdatedBy(by);
        return row;
    }

    /** The subscription a row stores. */
    public static Subscription subscription(DistributionSubscription row) {
        return new Subscription(row.getSubscriptionId(), row.getAudienceId(), row.getPlantId(), row.getCadence(),
                List.of(row.getFormats()), row.getSendAt(),
                row.getWeekday() == null ? null : DayOfWeek.of(row.getWeekday()), row.isEnabled(), row.getCreatedAt(),
                row.getUpdatedAt(), row.getUpdatedBy());
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
    public static String json(Subscription subscription) {
        return new JsonObject().put("id", subscription.id()).put("audience", subscription.audience())
                .put("plant", subscription.plant()).put("cadence", subscription.cadence())
                .put("formats", new JsonArray(subscription.formats()))
                .put("send_at", subscription.sendAt() == null ? null : subscription.sendAt().toString())
                .put("weekday",
                        subscription.weekday() == null ? null : subscription.weekday().name().toLowerCase(Locale.ROOT))
                .put("enabled", subscription.enabled()).encode();
    }
}

package io.scrapline.alert.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.scrapline.alert.domain.AlertDelivery;
import io.scrapline.alert.domain.AlertDeliveryAttempt;
import io.scrapline.alert.domain.AlertDigestAlert;
import io.scrapline.alert.domain.Delivery;
import io.scrapline.alert.domain.DeliveryAttempt;
import io.smallrye.mutiny.Uni;

/**
 * The deliveries as people read them, within a {@link TenantSessions} transaction: listed with filters, one with its
 * attempts, one locked for a re-send. Every read is of the plants given (every plant when none): a digest is one of
 * them only if all its alerts are. The queue's own paths (open, claim, attempt) are {@link DeliveryRepository}'s SQL.
 */
@ApplicationScoped
public class DeliveryLogRepository implements PanacheRepositoryBase<AlertDelivery, AlertDelivery.Key> {

    /** A digest holds the alert. */
    private static final String IN_DIGEST = "exists (from AlertDigestAlert g where g.deliveryId = d.deliveryId"
            + " and g.alertId = :alert)";

    /**
     * The deliveries, newest first, narrowed by stored status, alert and channel when given.
     *
     * @param page
     *            from 0
     */
    public Uni<List<Delivery>> list(String status, Long alert, String channel, String[] plants, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("d.status = :status");
            parameters.and("status", status);
        }
        if (alert != null) {
            where.add("(d.alertId = :alert or " + IN_DIGEST + ")");
            parameters.and("alert", alert);
        }
        if (channel != null) {
            where.add("d.channel = :channel");
            parameters.and("channel", channel);
        }
        if (plants.length > 0) {
            where.add("array_includes(:plants, d.plantIds)");
            parameters.and("plants", plants);
        }
        String query = "from AlertDelivery d" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by d.deliveryId desc";
        return find(query, parameters).page(Page.of(page, size)).list().chain(this::withDigests);
    }

    /** The delivery with its attempts, oldest first, if it is of {@code plants}. */
    public Uni<Delivery> get(String tenant, long id, String[] plants) {
        return findById(new AlertDelivery.Key(tenant, id)).chain(row -> {
            if (row == null || !row.readableBy(plants)) {
                return Uni.createFrom().nullItem();
            }
            return withDigests(List.of(row))
                    .chain(found -> attempts(id).map(attempts -> found.get(0).withAttempts(attempts)));
        });
    }

    /** The delivery, its row locked until the transaction ends, if it is of {@code plants}; else null. */
    public Uni<AlertDelivery> forResend(String tenant, long id, String[] plants) {
        return findById(new AlertDelivery.Key(tenant, id), LockModeType.PESSIMISTIC_WRITE)
                .map(row -> row == null || !row.readableBy(plants) ? null : row);
    }

    /** The deliveries of an alert: its own and the digests that hold it, oldest first. */
    public Uni<List<Delivery>> ofAlert(long alert) {
        return list("from AlertDelivery d where d.alertId = :alert or " + IN_DIGEST + " order by d.deliveryId",
                Parameters.with("alert", alert)).chain(this::withDigests);
    }

    private Uni<List<Delivery>> withDigests(List<AlertDelivery> rows) {
        List<Long> digests = rows.stream().filter(row -> row.getAlertId() == null).map(AlertDelivery::getDeliveryId)
                .toList();
        Uni<Map<Long, List<Long>>> held = digests.isEmpty() ? Uni.createFrom().item(Map.of())
                : getSession()
                        .chain(session -> session.createSelectionQuery(
                                "from AlertDigestAlert g where g.deliveryId in :digests order by g.alertId",
                                AlertDigestAlert.class).setParameter("digests", digests).getResultList())
                        .map(all -> all.stream().collect(Collectors.groupingBy(AlertDigestAlert::getDeliveryId,
                                Collectors.mapping(AlertDigestAlert::getAlertId, Collectors.toList()))));
        return held.map(alerts -> rows.stream()
                .map(row -> Delivery.of(row, alerts.getOrDefault(row.getDeliveryId(), List.of()))).toList());
    }

    private Uni<List<DeliveryAttempt>> attempts(long id) {
        return getSession()
                .chain(session -> session
                        .createSelectionQuery("from AlertDeliveryAttempt a where a.deliveryId = :id order by a.attempt",
                                AlertDeliveryAttempt.class)
                        .setParameter("id", id).getResultList())
                .map(all -> all.stream().map(AlertDeliveryAttempt::attempt).toList());
    }
}

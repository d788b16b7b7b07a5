package io.scrapline.alert.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * A delivery as people read it ({@code alert_deliveries}): the columns the API shows, and those a re-send from the dead
 * letter sets. The queue's workers open, claim and finish deliveries in SQL; this entity never inserts one, and an
 * update writes only the columns it changed ({@link DynamicUpdate}), so it leaves the workers' columns alone. The
 * webhook's sealed secret is not mapped: nothing that reads deliveries needs it.
 */
@Entity
@Table(name = "alert_deliveries")
@IdClass(AlertDelivery.Key.class)
@DynamicUpdate
public class AlertDelivery extends TenantRow {

    /** The queue's status of the dead letter. */
    public static final String FAILED = "failed";

    @Id
    @Column(name = "delivery_id")
    private Long deliveryId;

    private String kind;

    @Column(name = "alert_id")
    private Long alertId;

    @Column(name = "audience_id")
    private String audienceId;

    private Integer step;

    @Column(name = "plant_ids")
    private String[] plantIds;

    private String level;

    private String recipient;

    private String role;

    private String channel;

    private String destination;

    private String status;

    private int attempts;

    @Column(name = "attempts_before")
    private int attemptsBefore;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "first_due_at")
    private OffsetDateTime firstDueAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error_class")
    private String lastErrorClass;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "resent_by")
    private String resentBy;

    @Column(name = "resent_at")
    private OffsetDateTime resentAt;

    /**
     * Queues the dead delivery again, due {@code at}, as {@code by} asked: its give-up clock starts over, and its
     * back-off too ({@code attempts_before} keeps the attempts before the re-send). Its message id stays, so a webhook
     * receiver can tell it from a new message.
     */
    public void requeue(String by, OffsetDateTime at) {
        status = "queued";
        nextAttemptAt = at;
        firstDueAt = at;
        attemptsBefore = attempts;
        leaseUntil = null;
        finishedAt = null;
        resentBy = by;
        resentAt = at;
    }

    /** Whether a token of {@code plants} (every plant when empty) reads it: all its alerts are of those plants. */
    public boolean readableBy(String[] plants) {
        return plants.length == 0 || List.of(plants).containsAll(List.of(plantIds));
    }

    public Long getDeliveryId() {
        return deliveryId;
    }

    public String getKind() {
        return kind;
    }

    /** The alert of a delivery of one alert; null for a digest. */
    public Long getAlertId() {
        return alertId;
    }

    public String getAudienceId() {
        return audienceId;
    }

    public Integer getStep() {
        return step;
    }

    public String[] getPlantIds() {
        return plantIds.clone();
    }

    public String getLevel() {
        return level;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getRole() {
        return role;
    }

    public String getChannel() {
        return channel;
    }

    public String getDestination() {
        return destination;
    }

    /** The queue's status: {@code queued}, {@code running}, {@code done} or {@code failed}. */
    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Integer getLastStatusCode() {
        return lastStatusCode;
    }

    public String getLastErrorClass() {
        return lastErrorClass;
    }

    public String getProviderMessageId() {
        return providerMessageId;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getResentBy() {
        return resentBy;
    }

    public OffsetDateTime getResentAt() {
        return resentAt;
    }

    /** The key: the tenant, then the delivery's id. */
    public record Key(String tenantId, Long deliveryId) implements Serializable {
    }
}

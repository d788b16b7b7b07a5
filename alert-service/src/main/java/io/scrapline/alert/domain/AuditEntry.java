package io.scrapline.alert.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One change in the audit ({@code alert_audit}): who ({@code actor}) did what ({@code action}) to which object
 * ({@code entity} and {@code entityId}), when, and the object before and after as JSON (null when it did not exist).
 * {@code plantIds} and {@code lineIds} are the plants and lines the two name, which decide who may read the entry.
 */
@Entity
@Table(name = "alert_audit")
@IdClass(AuditEntry.Key.class)
public class AuditEntry extends TenantRow {

    @Id
    @Column(name = "audit_id")
    private Long auditId;

    private String entity;

    @Column(name = "entity_id")
    private String entityId;

    private String action;

    private String actor;

    private OffsetDateTime at;

    @Column(name = "plant_ids")
    private String[] plantIds;

    @Column(name = "line_ids")
    private String[] lineIds;

    @ColumnTransformer(read = "before::text", write = "?::text::jsonb")
    private String before;

    @ColumnTransformer(read = "after::text", write = "?::text::jsonb")
    private String after;

    public Long getAuditId() {
        return auditId;
    }

    public void setAuditId(Long auditId) {
        this.auditId = auditId;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public void setAt(OffsetDateTime at) {
        this.at = at;
    }

    public String[] getPlantIds() {
        return plantIds == null ? null : plantIds.clone();
    }

    public void setPlantIds(String[] plantIds) {
        this.plantIds = plantIds == null ? null : plantIds.clone();
    }

    public String[] getLineIds() {
        return lineIds == null ? null : lineIds.clone();
    }

    public void setLineIds(String[] lineIds) {
        this.lineIds = lineIds == null ? null : lineIds.clone();
    }

    /** The object before the change, a JSON object, or null. */
    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    /** The object after the change, a JSON object, or null. */
    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    /** The key: the tenant, then the entry's id. */
    public record Key(String tenantId, Long auditId) implements Serializable {
    }
}

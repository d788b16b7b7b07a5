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
 * An audience as stored ({@code audiences}): its members as the JSON array the evaluation and the channels read
 * ({@code name}, {@code role}, {@code email}, {@code phone}, {@code webhook_url}, {@code lines}).
 */
@Entity
@Table(name = "audiences")
@IdClass(Audience.Key.class)
public class Audience extends TenantRow {

    @Id
    @Column(name = "audience_id")
    private String audienceId;

    @ColumnTransformer(read = "members::text", write = "?::text::jsonb")
    private String members;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    public String getAudienceId() {
        return audienceId;
    }

    public void setAudienceId(String audienceId) {
        this.audienceId = audienceId;
    }

    /** The members, a JSON array. */
    public String getMembers() {
        return members;
    }

    public void setMembers(String members) {
        this.members = members;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** The key: the tenant, then the audience's id. */
    public record Key(String tenantId, String audienceId) implements Serializable {
    }
}

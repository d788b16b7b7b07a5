package io.scrapline.alert.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

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
public class Audience {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    @Id
    @Column(name = "audience_id")
    private String audienceId;

    @ColumnTransformer(read = "members::text", write = "?::text::jsonb")
    private String members;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

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
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String tenantId;
        private String audienceId;

        public Key() {
        }

        public Key(String tenantId, String audienceId) {
            this.tenantId = tenantId;
            this.audienceId = audienceId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.tenantId, tenantId)
                    && Objects.equals(key.audienceId, audienceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, audienceId);
        }
    }
}

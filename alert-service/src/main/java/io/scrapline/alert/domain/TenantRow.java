package io.scrapline.alert.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A row of a tenant's table: {@code tenant_id} leads every key, so it is the first part of each entity's id (with the
 * entity's own id in its {@code @IdClass}), and row-level security keys on it.
 */
@MappedSuperclass
public abstract class TenantRow {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }
}

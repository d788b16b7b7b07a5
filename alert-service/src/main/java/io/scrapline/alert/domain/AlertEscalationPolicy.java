package io.scrapline.alert.domain;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * An escalation policy as stored ({@code alert_escalation_policies}): its steps as the JSON array {@code [{"audiences":
 * [...], "delay_minutes": n}, ...]}, and who changed it last, when. {@link EscalationPolicy} is the policy it stores.
 */
@Entity
@Table(name = "alert_escalation_policies")
@IdClass(AlertEscalationPolicy.Key.class)
public class AlertEscalationPolicy extends ChangedRow {

    @Id
    @Column(name = "policy_id")
    private String policyId;

    private String name;

    @ColumnTransformer(read = "steps::text", write = "?::text::jsonb")
    private String steps;

    public String getPolicyId() {
        return policyId;
    }

    public void setPolicyId(String policyId) {
        this.policyId = policyId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The steps, a JSON array. */
    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }

    /** The key: the tenant, then the policy's id. */
    public record Key(String tenantId, String policyId) implements Serializable {
    }
}

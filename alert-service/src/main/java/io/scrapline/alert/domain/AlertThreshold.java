package io.scrapline.alert.domain;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A threshold of a rule at one level ({@code alert_thresholds}): absolute ({@code value}) or relative ({@code factor}
 * times the average of the {@code trailingWindows} last windows with events), with the audiences it notifies and the
 * escalation policy it starts, if any.
 */
@Entity
@Table(name = "alert_thresholds")
@IdClass(AlertThreshold.Key.class)
public class AlertThreshold extends TenantRow {

    @Id
    @Column(name = "rule_id")
    private String ruleId;

    @Id
    private String level;

    private BigDecimal value;

    private BigDecimal factor;

    @Column(name = "trailing_windows")
    private Integer trailingWindows;

    @Column(name = "audience_ids")
    private String[] audienceIds;

    @Column(name = "escalation_policy_id")
    private String escalationPolicyId;

    public String getRuleId() {
        return ruleId;
    }

    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        this.value = value;
    }

    public BigDecimal getFactor() {
        return factor;
    }

    public void setFactor(BigDecimal factor) {
        this.factor = factor;
    }

    public Integer getTrailingWindows() {
        return trailingWindows;
    }

    public void setTrailingWindows(Integer trailingWindows) {
        this.trailingWindows = trailingWindows;
    }

    public String[] getAudienceIds() {
        return audienceIds == null ? null : audienceIds.clone();
    }

    public void setAudienceIds(String[] audienceIds) {
        this.audienceIds = audienceIds == null ? null : audienceIds.clone();
    }

    public String getEscalationPolicyId() {
        return escalationPolicyId;
    }

    public void setEscalationPolicyId(String escalationPolicyId) {
        this.escalationPolicyId = escalationPolicyId;
    }

    /** The key: the tenant, the rule, the level. */
    public record Key(String tenantId, String ruleId, String level) implements Serializable {
    }
}

package io.scrapline.alert.domain;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A threshold rule as stored ({@code alert_rules}): what it watches (metric, scope, window); its thresholds are
 * {@link AlertThreshold}s. {@code threshold} is kept as the lowest absolute threshold of the rule, which reporting
 * reads.
 */
@Entity
@Table(name = "alert_rules")
@IdClass(AlertRule.Key.class)
public class AlertRule extends ChangedRow {

    @Id
    @Column(name = "rule_id")
    private String ruleId;

    private String name;

    @Column(name = "plant_id")
    private String plantId;

    @Column(name = "line_id")
    private String lineId;

    @Column(name = "work_center_id")
    private String workCenterId;

    @Column(name = "defect_code")
    private String defectCode;

    @Column(name = "defect_category")
    private String defectCategory;

    private String shift;

    private String metric;

    @Column(name = "time_window")
    private String timeWindow;

    @Column(name = "window_hours")
    private Integer windowHours;

    private BigDecimal threshold;

    private boolean enabled;

    public String getRuleId() {
        return ruleId;
    }

    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPlantId() {
        return plantId;
    }

    public void setPlantId(String plantId) {
        this.plantId = plantId;
    }

    public String getLineId() {
        return lineId;
    }

    public void setLineId(String lineId) {
        this.lineId = lineId;
    }

    public String getWorkCenterId() {
        return workCenterId;
    }

    public void setWorkCenterId(String workCenterId) {
        this.workCenterId = workCenterId;
    }

    public String getDefectCode() {
        return defectCode;
    }

    public void setDefectCode(String defectCode) {
        this.defectCode = defectCode;
    }

    public String getDefectCategory() {
        return defectCategory;
    }

    public void setDefectCategory(String defectCategory) {
        this.defectCategory = defectCategory;
    }

    public String getShift() {
        return shift;
    }

    public void setShift(String shift) {
        this.shift = shift;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public String getTimeWindow() {
        return timeWindow;
    }

    public void setTimeWindow(String timeWindow) {
        this.timeWindow = timeWindow;
    }

    public Integer getWindowHours() {
        return windowHours;
    }

    public void setWindowHours(Integer windowHours) {
        this.windowHours = windowHours;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public void setThreshold(BigDecimal threshold) {
        this.threshold = threshold;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The key: the tenant, then the rule's id. */
    public record Key(String tenantId, String ruleId) implements Serializable {
    }
}

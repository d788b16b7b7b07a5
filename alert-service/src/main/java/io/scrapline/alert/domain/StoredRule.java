package io.scrapline.alert.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.alert.domain.Notice.Level;
import io.scrapline.alert.domain.Notice.Metric;

/** A rule as stored: its id, what it watches and its thresholds, and who changed it last, when. */
public record StoredRule(String id, RuleDraft rule, OffsetDateTime updatedAt, String updatedBy) {

    /** Critical after warning, as a rule is read. */
    private static final Comparator<RuleDraft.Threshold> BY_LEVEL = Comparator.comparing(RuleDraft.Threshold::level);

    /** The rule of the stored rows. */
    public static StoredRule of(AlertRule entity, List<AlertThreshold> thresholds) {
        List<RuleDraft.Threshold> levels = thresholds.stream()
                .map(t -> new RuleDraft.Threshold(Level.valueOf(t.getLevel().toUpperCase(Locale.ROOT)), t.getValue(),
                        t.getFactor(), t.getTrailingWindows(), Arrays.asList(t.getAudienceIds()),
                        t.getEscalationPolicyId()))
                .sorted(BY_LEVEL).toList();
        RuleDraft rule = new RuleDraft(entity.getName(), entity.getPlantId(), entity.getLineId(),
                entity.getWorkCenterId(), entity.getDefectCode(), entity.getDefectCategory(), entity.getShift(),
                Metric.valueOf(entity.getMetric().toUpperCase(Locale.ROOT)),
                RuleWindow.ofStored(entity.getTimeWindow()), entity.getWindowHours(), levels, entity.isEnabled(),
                false);
        return new StoredRule(entity.getRuleId(), rule, entity.getUpdatedAt(), entity.getUpdatedBy());
    }

    /**
     * Writes {@code rule} onto {@code entity}, a new row or the stored one, as changed by {@code actor} at {@code at}.
     */
    public static void fill(AlertRule entity, RuleDraft rule, OffsetDateTime at, String actor) {
        entity.setName(rule.name());
        entity.setPlantId(rule.plant());
        entity.setLineId(rule.line());
        entity.setWorkCenterId(rule.workCenter());
        entity.setDefectCode(rule.defectCode());
        entity.setDefectCategory(rule.defectCategory());
        entity.setShift(rule.shift());
        entity.setMetric(rule.metric().code());
        entity.setTimeWindow(rule.window().stored());
        entity.setWindowHours(rule.windowHours());
        entity.setThreshold(rule.lowestAbsolute());
        entity.setEnabled(rule.enabled());
        entity.setUpdatedAt(at);
        entity.setUpdatedBy(actor);
    }

    /** The rows of {@code rule}'s thresholds. */
    public static List<AlertThreshold> thresholds(String tenant, String id, RuleDraft rule) {
        return rule.thresholds().stream().map(threshold -> {
            AlertThreshold row = new AlertThreshold();
            row.setTenantId(tenant);
            row.setRuleId(id);
            row.setLevel(threshold.level().code());
            row.setValue(threshold.value());
            row.setFactor(threshold.factor());
            row.setTrailingWindows(threshold.trailingWindows());
            row.setAudienceIds(threshold.audiences().toArray(String[]::new));
            row.setEscalationPolicyId(threshold.escalationPolicy());
            return row;
        }).toList();
    }

    /** The rule as the audit keeps it: the fields of the API, decimals as strings. */
    public String json() {
        ObjectNode node = JsonText.object().put("id", id).put("name", rule.name()).put("plant", rule.plant())
                .put("line", rule.line()).put("work_center", rule.workCenter()).put("defect_code", rule.defectCode())
                .put("defect_category", rule.defectCategory()).put("shift", rule.shift())
                .put("metric", rule.metric().code()).put("window", rule.window().code())
                .put("window_hours", rule.windowHours());
        ArrayNode thresholds = node.putArray("thresholds");
        for (RuleDraft.Threshold threshold : rule.thresholds()) {
            ObjectNode level = thresholds.addObject().put("level", threshold.level().code())
                    .put("value", text(threshold.value())).put("factor", text(threshold.factor()))
                    .put("trailing_windows", threshold.trailingWindows());
            threshold.audiences().forEach(level.putArray("audiences")::add);
            level.put("escalation_policy", threshold.escalationPolicy());
        }
        return JsonText.write(node.put("enabled", rule.enabled()));
    }

    private static String text(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}

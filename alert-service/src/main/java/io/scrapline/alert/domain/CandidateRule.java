package io.scrapline.alert.domain;

import java.time.ZoneId;

import io.scrapline.alert.domain.Notice.Metric;
import io.scrapline.platform.period.FiscalCalendar;

/**
 * An enabled rule whose scope a {@link Touch} reaches, with what evaluating it needs of its plant: the name, the
 * currency, the time zone and the fiscal calendar.
 *
 * @param maxTrailing
 *            the most trailing windows one of its relative thresholds averages; 0 without any
 */
public record CandidateRule(String ruleId, String name, String plant, String plantName, String currency, ZoneId zone,
        FiscalCalendar calendar, String line, String workCenter, String defectCode, String defectCategory, String shift,
        Metric metric, RuleWindow window, Integer windowHours, int maxTrailing) {
}

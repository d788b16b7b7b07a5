package io.scrapline.alert.domain;

import io.scrapline.alert.domain.Notice.Window;

/**
 * One instance of a rule's window, as an alert names it: its key (which, with the rule and level, makes the alert
 * unique), its stretch of time in the plant's zone, and the period it falls in.
 *
 * @param shift
 *            the shift code of a shift instance, else null
 */
public record WindowInstance(String key, Window window, String period, String shift) {
}

package io.scrapline.costing.domain;

import io.scrapline.platform.period.FiscalCalendar;

/** A period of a plant as a re-cost sees it: the plant's calendar, and whether the period is closed. */
public record PlantPeriod(FiscalCalendar calendar, boolean closed) {
}

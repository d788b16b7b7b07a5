package io.scrapline.reporting.rest;

import io.scrapline.reporting.domain.Report;

/** The file name a browser saves a report under: report-DAY1-2026-10.pdf. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** Plant codes are the tenant's own; anything but letters, digits, '-', '_' and '.' becomes '_' in a name. */
    static String disposition(String kind, Report report, String extension) {
        String name = ("report-" + report.plant() + "-" + report.period()).replaceAll("[^A-Za-z0-9._-]", "_");
        return kind + "; filename=\"" + name + "." + extension + "\"";
    }
}

package io.scrapline.alert.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a subscription for one plant: what report it sends. Daily: the period to date through {@code asOf};
 * weekly: the week from Monday {@code weekStart} through {@code asOf}; month-end: {@code version} of the closed
 * {@code period}.
 */
public record DistributionRun(String subscriptionId, String plant, String runKey, String cadence, String period,
        LocalDate weekStart, LocalDate asOf, Integer version) {

    /** What the report covers, for a message: 2026-10, version 1 at the close; 2026-11 to date through 2026-11-14. */
    public String title() {
        return switch (cadence) {
            case Subscription.MONTH_END -> period + ", version " + version + " at the close";
            case Subscription.WEEKLY ->
                    "week " + DistributionSchedule.weekName(weekStart) + ", " + weekStart + " to " + asOf;
            default -> period + " to date, through " + asOf;
        };
    }

    /** What the report covers, for a file name: 2026-10-v1, 2026-11-to-2026-11-14, 2026-W46-to-2026-11-15. */
    public String fileLabel() {
        return switch (cadence) {
            case Subscription.MONTH_END -> period + "-v" + version;
            case Subscription.WEEKLY -> DistributionSchedule.weekName(weekStart) + "-to-" + asOf;
            default -> period + "-to-" + asOf;
        };
    }

    /** The name of an attached report: DAY1-2026-10-v1-controller.pdf; anything but a safe character becomes '_'. */
    public String fileName(Recipient.ReportView view, String extension) {
        return (plant + "-" + fileLabel() + "-" + view.label()).replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }

    /** The report's address under the API's public base URL, in the view: what an {@code html_link} links to. */
    public String link(String baseUrl, Recipient.ReportView view) {
        String path = Subscription.WEEKLY.equals(cadence) ? "/api/v1/reports/" + encode(plant) + "/weeks/" + weekStart
                : "/api/v1/reports/" + encode(plant) + "/" + period;
        List<String> query = new ArrayList<>();
        if (Subscription.MONTH_END.equals(cadence)) {
            query.add("version=" + version);
        } else {
            query.add("as_of=" + asOf);
        }
        if (view.parameter() != null) {
            query.add("view=" + view.parameter());
        }
        if (view.line() != null) {
            query.add("line=" + encode(view.line()));
        }
        return baseUrl.replaceAll("/+$", "") + path + "?" + String.join("&", query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

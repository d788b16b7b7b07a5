package io.scrapline.alert.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The email of one recipient of a distribution: the report's headline figures in the text, the subscribed formats
 * attached (PDF, spreadsheet) or linked (the report's page), one part per report the recipient's view takes (a
 * supervisor's lines).
 */
public final class DistributionEmail {

    /** One report of the email: its view, its headline, the files attached and the link (null when not subscribed). */
    public record Part(Recipient.ReportView view, ReportSummary summary, List<Email.Attachment> attachments,
            String link) {

        public Part {
            attachments = List.copyOf(attachments);
        }
    }

    private DistributionEmail() {
    }

    public static Email of(Recipient recipient, String plantName, DistributionRun run, List<Part> parts) {
        String plant = run.plant() + (plantName == null || plantName.isBlank() ? "" : " " + plantName);
        String subject = "[Scrapline] " + plant + " scrap and rework cost, " + run.title() + " (" + recipient.view()
                + " view)";
        StringBuilder text = new StringBuilder(
                "Scrap and rework cost of plant " + plant + ", " + run.title() + ", " + recipient.view() + " view.\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
                + NoticeHtml.escape(subject) + "</title></head>\n<body style=\"font-family: sans-serif\">\n<p>"
                + NoticeHtml.escape("Scrap and rework cost of plant " + plant + ", " + run.title() + ", "
                        + recipient.view() + " view.")
                + "</p>\n");
        for (Part part : parts) {
            String headline = part.view().line() == null ? "T" + headline(part.summary())
                    : "Line " + part.view().line() + ": t" + headline(part.summary());
            text.append('\n').append(headline).append('\n');
            html.append("<p>").append(NoticeHtml.escape(headline));
            if (!part.attachments().isEmpty()) {
                String files = part.attachments().stream().map(Email.Attachment::name)
                        .collect(Collectors.joining(", "));
                text.append("Attached: ").append(files).append('\n');
                html.append("<br>Attached: ").append(NoticeHtml.escape(files));
            }
            if (part.link() != null) {
                text.append("Report: ").append(part.link()).append('\n');
                html.append("<br>Report: <a href=\"").append(NoticeHtml.escape(part.link())).append("\">")
                        .append(NoticeHtml.escape(part.link())).append("</a>");
            }
            html.append("</p>\n");
        }
        String footer = "Sent for the " + run.cadence().replace('_', '-') + " subscription " + run.subscriptionId()
                + ". The attachments are the report as it stood when this email was sent; the link opens it with your "
                + "own sign-in.";
        text.append('\n').append(footer).append('\n');
        html.append("<p style=\"color: #555\">").append(NoticeHtml.escape(footer)).append("</p>\n</body></html>\n");
        List<Email.Attachment> files = parts.stream().flatMap(part -> part.attachments().stream()).toList();
        return new Email(List.of(recipient.email()), subject, text.toString(), html.toString(), files, null);
    }

    /** [T]otal cost 1938.58 USD (scrap 1888.53, rework 50.05), 5 events; version 1 of the closed period. */
    private static String headline(ReportSummary summary) {
        return "otal cost " + summary.totalCost().toPlainString() + " " + summary.currency() + " (scrap "
                + summary.scrapCost().toPlainString() + ", rework " + summary.reworkCost().toPlainString() + "), "
                + summary.events() + (summary.events() == 1 ? " event" : " events")
                + ("closed".equals(summary.status()) ? "; version " + summary.version() + " of the closed period" : "");
    }
}

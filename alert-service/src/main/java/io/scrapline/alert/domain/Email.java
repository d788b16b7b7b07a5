package io.scrapline.alert.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An email with a plain-text and an HTML part, optionally a file attached and a link to a report (a distribution sends
 * the report one way or the other).
 *
 * @param reportLink
 *            a URL added to the end of both parts, or null
 */
public record Email(List<String> to, String subject, String text, String html, List<Attachment> attachments,
        String reportLink) {

    public Email {
        to = List.copyOf(to);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A file to attach. */
    public record Attachment(String name, byte[] content, String contentType) {

        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public String toString() {
            return "Attachment[" + name + ", " + contentType + ", " + content.length + " bytes]";
        }
    }

    public static Email of(List<String> to, Notice notice, NoticeLinks links) {
        return new Email(to, NoticeText.subject(notice), NoticeText.body(notice, links),
                NoticeHtml.render(notice, links), List.of(), null);
    }

    public static Email of(List<String> to, Digest digest, NoticeLinks links) {
        return new Email(to, NoticeText.subject(digest), NoticeText.body(digest, links),
                NoticeHtml.render(digest, links), List.of(), null);
    }

    public Email withAttachment(Attachment attachment) {
        List<Attachment> all = new ArrayList<>(attachments);
        all.add(attachment);
        return new Email(to, subject, text, html, all, reportLink);
    }

    public Email withReportLink(String url) {
        return new Email(to, subject, text, html, attachments, url);
    }

    /** The text part, with the report link when there is one. */
    public String textPart() {
        return reportLink == null ? text : text + "\nReport: " + reportLink + "\n";
    }

    /** The HTML part, with the report link before the end of the body when there is one. */
    public String htmlPart() {
        if (reportLink == null) {
            return html;
        }
        String paragraph = "<p>Report: <a href=\"" + NoticeHtml.escape(reportLink) + "\">"
                + NoticeHtml.escape(reportLink) + "</a></p>\n";
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + paragraph : html.substring(0, end) + paragraph + html.substring(end);
    }
}

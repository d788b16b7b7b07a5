package io.scrapline.alert.domain;

import java.util.List;

/**
 * A plain message written once and rendered twice, as the plain-text and the HTML part of an email: headings,
 * paragraphs, lists and links. Every text is escaped in the HTML part, since much of it is the tenant's data (source
 * values, plant names).
 */
public final class MessageBody {

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222";

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();

    public MessageBody heading(String heading) {
        text.append('\n').append(heading).append('\n');
        html.append("<h3 style=\"font-size:15px;margin-bottom:4px\">").append(NoticeHtml.escape(heading))
                .append("</h3>\n");
        return this;
    }

    public MessageBody paragraph(String paragraph) {
        text.append(paragraph).append('\n');
        html.append("<p>").append(NoticeHtml.escape(paragraph)).append("</p>\n");
        return this;
    }

    /** A list, numbered (ranked) or not. */
    public MessageBody items(List<String> items, boolean numbered) {
        for (int i = 0; i < items.size(); i++) {
            text.append(numbered ? (i + 1) + ". " : "- ").append(items.get(i)).append('\n');
        }
        String tag = numbered ? "ol" : "ul";
        html.append('<').append(tag).append(">\n");
        items.forEach(item -> html.append("<li>").append(NoticeHtml.escape(item)).append("</li>\n"));
        html.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code label: url}, a link in the HTML part. */
    public MessageBody link(String label, String url) {
        text.append(label).append(": ").append(url).append('\n');
        html.append("<p>").append(NoticeHtml.escape(label)).append(": <a href=\"").append(NoticeHtml.escape(url))
                .append("\">").append(NoticeHtml.escape(url)).append("</a></p>\n");
        return this;
    }

    /** The message, both parts, no attachment, addressed to nobody yet (the sender addresses a copy to each). */
    public Email email(String subject) {
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + NoticeHtml.escape(subject)
                + "</title></head>\n<body style=\"" + FONT + "\">\n" + html + "</body></html>\n";
        return new Email(List.of(), subject, text.toString(), page, List.of(), null);
    }
}

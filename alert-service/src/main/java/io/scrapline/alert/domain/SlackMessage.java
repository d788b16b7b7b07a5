package io.scrapline.alert.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.alert.domain.Notice.Event;

/**
 * An alert, or a digest, as a Slack incoming-webhook message: Block Kit blocks in mrkdwn, with {@code text} as the
 * notification's fallback. The tenant's text is escaped ({@code &}, {@code <}, {@code >}) and sent {@code verbatim}, so
 * it can neither form a link nor mention anyone; the links are our own {@code <url|label>}. Texts are cut to Slack's
 * limits (header 150, section 3,000 characters, 50 blocks).
 */
public final class SlackMessage {

    private static final int HEADER_MAX = 150;
    private static final int TEXT_MAX = 3000;
    private static final int FIELDS_MAX = 10;
    /** Blocks a digest spends on its alerts: two per alert, under Slack's 50 with room for the header and a note. */
    private static final int DIGEST_ALERTS_MAX = 20;

    private SlackMessage() {
    }

    public static String render(Notice notice, NoticeLinks links) {
        ObjectNode message = JsonText.object().put("text", NoticeText.subject(notice));
        ArrayNode blocks = message.putArray("blocks");
        header(blocks, NoticeText.headline(notice));
        section(blocks, "*" + notice.level().name() + "* alert " + escape(notice.alertId()) + " of rule "
                + escape(notice.ruleLabel()));
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        for (NoticeText.Fact fact : NoticeText.facts(notice).subList(0,
                Math.min(FIELDS_MAX, NoticeText.facts(notice).size()))) {
            mrkdwn(fields.addObject(), "*" + escape(fact.label()) + "*\n" + escape(fact.value()));
        }
        if (!notice.topEvents().isEmpty()) {
            StringBuilder events = new StringBuilder("*Top events*");
            for (Event event : notice.topEvents()) {
                events.append("\n• ").append(link(links.costedEvent(event.eventId()), "event " + event.eventId()))
                        .append(' ').append(escape(NoticeText.eventLine(notice, event, zone(notice))));
            }
            section(blocks, events.toString());
        }
        if (!notice.ncrs().isEmpty()) {
            section(blocks, "*NCR records*: " + ncrLinks(notice, links));
        }
        blocks.addObject().put("type", "context").putArray("elements")
                .add(mrkdwn(JsonText.object(), "Acknowledge: POST " + escape(links.acknowledge(notice.alertId()))));
        return JsonText.write(message);
    }

    public static String render(Digest digest, NoticeLinks links) {
        ObjectNode message = JsonText.object().put("text", NoticeText.subject(digest));
        ArrayNode blocks = message.putArray("blocks");
        header(blocks, "Scrapline: " + digest.headline());
        List<Notice> shown = digest.notices().subList(0, Math.min(DIGEST_ALERTS_MAX, digest.notices().size()));
        for (Notice notice : shown) {
            blocks.addObject().put("type", "divider");
            List<String> lines = new ArrayList<>();
            lines.add("*" + notice.level().name() + "* "
                    + escape(NoticeText.headline(notice).substring(notice.level().name().length() + 1)));
            lines.add(escape(
                    "Alert " + notice.alertId() + ", rule " + notice.ruleLabel() + ", " + notice.window().text()));
            if (!notice.ncrs().isEmpty()) {
                lines.add("NCR records: " + ncrLinks(notice, links));
            }
            if (!notice.topEvents().isEmpty()) {
                lines.add("Events: " + String.join(", ",
                        notice.topEvents().stream()
                                .map(event -> link(links.costedEvent(event.eventId()), String.valueOf(event.eventId())))
                                .toList()));
            }
            lines.add("Acknowledge: POST " + escape(links.acknowledge(notice.alertId())));
            section(blocks, String.join("\n", lines));
        }
        if (shown.size() < digest.notices().size()) {
            section(blocks, "…and " + (digest.notices().size() - shown.size()) + " more: "
                    + link(links.alerts(), "the alert log"));
        }
        return JsonText.write(message);
    }

    /** Escapes what Slack reads as markup in text: {@code &}, {@code <} and {@code >}. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void header(ArrayNode blocks, String text) {
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text",
                JsonText.limit(NoticeText.oneLine(text), HEADER_MAX));
    }

    private static void section(ArrayNode blocks, String text) {
        mrkdwn(blocks.addObject().put("type", "section").putObject("text"), text);
    }

    private static ObjectNode mrkdwn(ObjectNode node, String text) {
        return node.put("type", "mrkdwn").put("text", JsonText.limit(text, TEXT_MAX)).put("verbatim", true);
    }

    private static String ncrLinks(Notice notice, NoticeLinks links) {
        return String.join(", ", notice.ncrs().stream().map(ncr -> link(links.ncr(notice.plant(), ncr), ncr)).toList());
    }

    private static String link(String url, String label) {
        return "<" + url + "|" + escape(label).replace("|", "¦") + ">";
    }

    private static ZoneId zone(Notice notice) {
        return notice.window().start().getZone();
    }
}

package io.scrapline.alert.domain;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.scrapline.alert.domain.Notice.Event;
import io.scrapline.alert.domain.Notice.Level;

/**
 * An alert, or a digest, as a Microsoft Teams message: one Adaptive Card (1.4) attachment, the shape Teams incoming
 * webhooks and the Workflows "when a Teams webhook request is received" trigger accept. Cards read markdown in
 * TextBlocks and facts, so the tenant's text has its emphasis and link characters escaped and cannot form a link; the
 * links are our own, in TextBlocks and as open-URL actions for the NCRs.
 */
public final class TeamsMessage {

    private static final String CARD = "application/vnd.microsoft.card.adaptive";
    private static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    /** Teams shows a handful of actions; more are dropped or folded away. */
    private static final int ACTIONS_MAX = 5;
    private static final int DIGEST_ALERTS_MAX = 20;
    /** What the cards' markdown reads as emphasis or a link; only these are escaped, so figures stay as they are. */
    private static final String MARKDOWN = "\\`*_[]~";

    private TeamsMessage() {
    }

    public static String render(Notice notice, NoticeLinks links) {
        ObjectNode message = JsonText.object();
        ObjectNode card = card(message);
        ArrayNode body = card.putArray("body");
        text(body, escape(NoticeText.headline(notice))).put("weight", "Bolder").put("size", "Medium").put("color",
                color(notice.level()));
        text(body, escape("Alert " + notice.alertId() + " of rule " + notice.ruleLabel()));
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        for (NoticeText.Fact fact : NoticeText.facts(notice)) {
            facts.addObject().put("title", escape(fact.label())).put("value", escape(fact.value()));
        }
        if (!notice.topEvents().isEmpty()) {
            text(body, "Top events").put("weight", "Bolder");
            for (Event event : notice.topEvents()) {
                text(body, "- " + link(links.costedEvent(event.eventId()), "event " + event.eventId()) + " "
                        + escape(NoticeText.eventLine(notice, event, notice.window().start().getZone())));
            }
        }
        if (!notice.ncrs().isEmpty()) {
            text(body, "NCR records: " + String.join(", ",
                    notice.ncrs().stream().map(ncr -> link(links.ncr(notice.plant(), ncr), ncr)).toList()));
        }
        text(body, escape("Acknowledge: POST " + links.acknowledge(notice.alertId()))).put("isSubtle", true);
        ArrayNode actions = card.putArray("actions");
        for (String ncr : notice.ncrs().subList(0, Math.min(ACTIONS_MAX, notice.ncrs().size()))) {
            actions.addObject().put("type", "Action.OpenUrl").put("title", "NCR " + ncr).put("url",
                    links.ncr(notice.plant(), ncr));
        }
        return JsonText.write(message);
    }

    public static String render(Digest digest, NoticeLinks links) {
        ObjectNode message = JsonText.object();
        ObjectNode card = card(message);
        ArrayNode body = card.putArray("body");
        text(body, escape("Scrapline: " + digest.headline())).put("weight", "Bolder").put("size", "Medium");
        List<Notice> shown = digest.notices().subList(0, Math.min(DIGEST_ALERTS_MAX, digest.notices().size()));
        for (Notice notice : shown) {
            ArrayNode items = body.addObject().put("type", "Container").put("separator", true).putArray("items");
            text(items, escape(NoticeText.headline(notice))).put("weight", "Bolder").put("color",
                    color(notice.level()));
            text(items, escape(
                    "Alert " + notice.alertId() + ", rule " + notice.ruleLabel() + ", " + notice.window().text()));
            if (!notice.ncrs().isEmpty()) {
                text(items, "NCR records: " + String.join(", ",
                        notice.ncrs().stream().map(ncr -> link(links.ncr(notice.plant(), ncr), ncr)).toList()));
            }
            if (!notice.topEvents().isEmpty()) {
                text(items,
                        "Events: " + String.join(", ", notice.topEvents().stream()
                                .map(event -> link(links.costedEvent(event.eventId()), String.valueOf(event.eventId())))
                                .toList()));
            }
            text(items, escape("Acknowledge: POST " + links.acknowledge(notice.alertId()))).put("isSubtle", true);
        }
        if (shown.size() < digest.notices().size()) {
            text(body, escape("and " + (digest.notices().size() - shown.size()) + " more: ")
                    + link(links.alerts(), "the alert log"));
        }
        return JsonText.write(message);
    }

    /**
     * A backslash before each character markdown reads as emphasis or a link; an underscore inside a word
     * ({@code America/New_York}) is no emphasis and stays as it is.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean inWord = c == '_' && i > 0 && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i - 1))
                    && Character.isLetterOrDigit(text.charAt(i + 1));
            if (MARKDOWN.indexOf(c) >= 0 && !inWord) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** The message and its one card, returned to be filled. */
    private static ObjectNode card(ObjectNode message) {
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject().put("contentType", CARD);
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content").put("$schema", SCHEMA).put("type", "AdaptiveCard")
                .put("version", "1.4");
        card.putObject("msteams").put("width", "Full");
        return card;
    }

    private static ObjectNode text(ArrayNode body, String text) {
        return body.addObject().put("type", "TextBlock").put("text", NoticeText.oneLine(text)).put("wrap", true);
    }

    private static String link(String url, String label) {
        return "[" + escape(label) + "](" + url + ")";
    }

    private static String color(Level level) {
        return level == Level.CRITICAL ? "Attention" : "Warning";
    }
}

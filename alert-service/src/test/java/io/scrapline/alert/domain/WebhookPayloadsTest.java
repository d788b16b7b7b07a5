package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON a webhook carries: the generic record, Slack's blocks and a Teams Adaptive Card. */
class WebhookPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NCR_1042 = Notices.BASE_URL + "/api/v1/costed-events?plant=DAY1&ncr=NCR-1042";

    @Test
    void theGenericPayloadIsTheDeclaredVersionedRecord() {
        JsonNode payload = read(WebhookFormat.GENERIC.render(Notices.shiftCost(), Notices.LINKS));
        assertThat(payload.get("type").asText()).isEqualTo("scrapline.alert.v1");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-05-14T19:32:05Z");
        JsonNode data = payload.get("data");
        assertThat(data.get("alert_id").asText()).isEqualTo("1234");
        assertThat(data.get("level").asText()).isEqualTo("critical");
        assertThat(data.at("/rule/id").asText()).isEqualTo("mach-dim-shift");
        assertThat(data.get("line").asText()).isEqualTo("L2");
        assertThat(data.get("defect_category").isNull()).isTrue();
        assertThat(data.get("threshold_basis").isNull()).isTrue();
        assertThat(data.get("metric").asText()).isEqualTo("cost");
        // Decimals are strings, exactly as stored.
        assertThat(data.get("figure").isTextual()).isTrue();
        assertThat(data.get("figure").asText()).isEqualTo("4215.50");
        assertThat(data.get("threshold").asText()).isEqualTo("2000.00");
        assertThat(data.get("currency").asText()).isEqualTo("USD");
        assertThat(data.at("/window/kind").asText()).isEqualTo("shift");
        assertThat(data.at("/window/start").asText()).isEqualTo("2026-05-14T14:00-04:00");
        assertThat(data.at("/window/time_zone").asText()).isEqualTo("America/New_York");
        assertThat(data.at("/ncrs/0/id").asText()).isEqualTo("NCR-1042");
        assertThat(data.at("/ncrs/0/url").asText()).isEqualTo(NCR_1042);
        assertThat(data.at("/ncrs/1/id").asText()).isEqualTo("NCR-1043");
        assertThat(data.at("/top_events/0/id").asLong()).isEqualTo(881);
        assertThat(data.at("/top_events/0/amount").asText()).isEqualTo("655.20");
        assertThat(data.at("/top_events/0/url").asText()).isEqualTo(Notices.BASE_URL + "/api/v1/costed-events/881");
        assertThat(data.at("/top_events/2/ncr").isNull()).isTrue();
        assertThat(data.at("/links/acknowledge").asText())
                .isEqualTo(Notices.BASE_URL + "/api/v1/alerts/1234/acknowledge");
    }

    @Test
    void slackGetsBlocksInMrkdwnWithTheNcrsLinkedAndTheTenantsTextInert() {
        String body = WebhookFormat.SLACK.render(Notices.shiftCost("<https://evil.example|click> &"), Notices.LINKS);
        JsonNode message = read(body);
        assertThat(message.get("text").asText()).startsWith("[Scrapline] CRITICAL DAY1 / L2 / WC-40");
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).at("/text/type").asText()).isEqualTo("plain_text");
        List<JsonNode> mrkdwn = new ArrayList<>();
        collectMrkdwn(blocks, mrkdwn);
        assertThat(mrkdwn).hasSizeGreaterThan(5)
                .allSatisfy(text -> assertThat(text.get("verbatim").asBoolean()).isTrue());
        String all = String.join("\n", mrkdwn.stream().map(text -> text.get("text").asText()).toList());
        assertThat(all).contains("<" + NCR_1042 + "|NCR-1042>").contains("NCR-1043")
                .contains("<" + Notices.BASE_URL + "/api/v1/costed-events/881|event 881>")
                .contains("&lt;https://evil.example|click&gt; &amp;").doesNotContain("<https://evil.example")
                .contains("*Cost*\n4,215.50 USD, over the threshold of 2,000.00 USD");
    }

    @Test
    void teamsGetsOneAdaptiveCardWithTheNcrsAsLinksAndActions() {
        JsonNode message = read(
                WebhookFormat.TEAMS.render(Notices.shiftCost("[click](https://evil.example)"), Notices.LINKS));
        assertThat(message.get("type").asText()).isEqualTo("message");
        JsonNode attachment = message.at("/attachments/0");
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.4");
        String texts = String.join("\n", card.findValuesAsText("text"));
        assertThat(texts).contains("NCR records: [NCR-1042](" + NCR_1042 + ")").contains("NCR-1043")
                .contains("\\[click\\](https://evil.example)").doesNotContain(" [click](");
        assertThat(card.at("/actions/0/type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(card.at("/actions/0/title").asText()).isEqualTo("NCR NCR-1042");
        assertThat(card.at("/actions/0/url").asText()).isEqualTo(NCR_1042);
        // Only what markdown reads as emphasis or a link is escaped: figures and an underscore inside a word are not.
        assertThat(card.findValuesAsText("value")).contains("4,215.50 USD, over the threshold of 2,000.00 USD",
                "shift B: 2026-05-14 14:00 to 22:00 (America/New_York)");
        assertThat(TeamsMessage.escape("*bold* _it_ a_b")).isEqualTo("\\*bold\\* \\_it\\_ a_b");
    }

    @Test
    void aDigestIsOneMessageWithEveryAlertInEachFormat() {
        Digest digest = Notices.hourDigest();
        JsonNode generic = read(WebhookFormat.GENERIC.render(digest, Notices.LINKS));
        assertThat(generic.get("type").asText()).isEqualTo("scrapline.alert_digest.v1");
        assertThat(generic.at("/data/count").asInt()).isEqualTo(2);
        assertThat(generic.at("/data/critical").asInt()).isEqualTo(1);
        assertThat(generic.at("/data/alerts/0/ncrs/0/id").asText()).isEqualTo("NCR-1042");
        assertThat(generic.at("/data/alerts/1/metric").asText()).isEqualTo("quantity");

        String slack = WebhookFormat.SLACK.render(digest, Notices.LINKS);
        assertThat(read(slack).at("/blocks/0/text/text").asText()).startsWith("Scrapline: 2 alerts (1 critical)");
        assertThat(slack).contains("NCR-1042").contains("NCR-1043").contains("WELD");

        String teams = WebhookFormat.TEAMS.render(digest, Notices.LINKS);
        assertThat(read(teams).at("/attachments/0/content/body/1/type").asText()).isEqualTo("Container");
        assertThat(teams).contains("NCR-1042").contains("NCR-1043").contains("WELD");
    }

    @Test
    void aSlackDigestOfManyAlertsStaysUnderFiftyBlocks() {
        Digest digest = Notices.digestOf(40);
        JsonNode blocks = read(WebhookFormat.SLACK.render(digest, Notices.LINKS)).get("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        assertThat(blocks.get(blocks.size() - 1).at("/text/text").asText()).contains("20 more");
    }

    private static void collectMrkdwn(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && "mrkdwn".equals(node.path("type").asText())) {
            found.add(node);
        }
        node.forEach(child -> collectMrkdwn(child, found));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}

package io.scrapline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    /** The spec's example secret form: whsec_ and the base64 of the key. */
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theSignatureIsV1AndTheHmacOfIdTimestampAndBody() {
        String signature = StandardWebhooks.sign(SECRET, "msg_1", 1674087231, "{\"a\":1}");
        assertThat(signature).startsWith("v1,");
        assertThat(Base64.getDecoder().decode(signature.substring(3))).hasSize(32);
        assertThat(StandardWebhooks.sign(SECRET, "msg_1", 1674087231, "{\"a\":1}")).isEqualTo(signature);
        assertThat(StandardWebhooks.sign(SECRET, "msg_1", 1674087232, "{\"a\":1}")).isNotEqualTo(signature);
        assertThat(StandardWebhooks.sign(SECRET, "msg_2", 1674087231, "{\"a\":1}")).isNotEqualTo(signature);
        assertThat(StandardWebhooks.sign(SECRET, "msg_1", 1674087231, "{\"a\":2}")).isNotEqualTo(signature);
    }

    @Test
    void secretsAreWhsecAndBase64Of24To64BytesAndNeverRepeatedInTheError() {
        assertThat(StandardWebhooks.key(StandardWebhooks.newSecret())).hasSize(32);
        String raw = Base64.getEncoder().encodeToString(new byte[32]);
        for (String bad : new String[] { raw, "whsec_not base64!",
                "whsec_" + Base64.getEncoder().encodeToString(new byte[16]),
                "whsec_" + Base64.getEncoder().encodeToString(new byte[65]) }) {
            assertThatThrownBy(() -> StandardWebhooks.key(bad)).isInstanceOf(IllegalArgumentException.class).message()
                    .doesNotContain(bad);
        }
    }

    @Test
    void messageIdsAreOursAndHoldNoFullStop() {
        assertThat(StandardWebhooks.newMessageId()).matches("msg_[A-Za-z0-9_-]{22}");
        assertThatThrownBy(() -> StandardWebhooks.sign(SECRET, "msg.1", 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndpointNeverShowsItsSecretOrUrl() {
        WebhookEndpoint endpoint = new WebhookEndpoint("https://hooks.slack.com/services/T0/B0/XYZ",
                WebhookFormat.SLACK, SECRET);
        assertThat(endpoint.toString()).doesNotContain(SECRET).doesNotContain("XYZ").contains("slack");
    }
}

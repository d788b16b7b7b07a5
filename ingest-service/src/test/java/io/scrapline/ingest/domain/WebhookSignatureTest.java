package io.scrapline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The test vector of the Standard Webhooks specification.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsLikeTheSpecificationsTestVector() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheMatchingSignatureAmongSeveral() {
        assertThat(WebhookSignature.matches(SECRET, ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
        assertThat(WebhookSignature.matches(SECRET, ID, TIMESTAMP, BODY,
                "v1,bm90IHRoZSBzaWduYXR1cmU= v2,whatever " + SIGNATURE)).isTrue();
    }

    @Test
    void refusesAnyChangeToIdTimestampBodyOrSecret() {
        assertThat(WebhookSignature.matches(SECRET, ID + "x", TIMESTAMP, BODY, SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches(SECRET, ID, "1614265331", BODY, SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches(SECRET, ID, TIMESTAMP,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches(WebhookSignature.newSecret(new SecureRandom()), ID, TIMESTAMP, BODY,
                SIGNATURE)).isFalse();
    }

    @Test
    void refusesMalformedOrMissingSignatures() {
        assertThat(
                WebhookSignature.matches(SECRET, ID, TIMESTAMP, BODY, "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
                        .as("without the version").isFalse();
        assertThat(WebhookSignature.matches(SECRET, ID, TIMESTAMP, BODY, "v1,not base64!")).isFalse();
        assertThat(WebhookSignature.matches(SECRET, ID, TIMESTAMP, BODY, "")).isFalse();
        assertThat(WebhookSignature.matches(SECRET, ID, TIMESTAMP, BODY, null)).isFalse();
        assertThat(WebhookSignature.matches(null, ID, TIMESTAMP, BODY, SIGNATURE)).as("no secret").isFalse();
    }

    @Test
    void newSecretsAreThirtyTwoRandomBytesWithThePrefix() {
        SecureRandom random = new SecureRandom();
        String secret = WebhookSignature.newSecret(random);
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(WebhookSignature.newSecret(random)).isNotEqualTo(secret);
    }

    @Test
    void timestampsMustBeWithinTheToleranceEitherWay() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(WebhookSignature.isFresh("1800000000", now, tolerance)).isTrue();
        assertThat(WebhookSignature.isFresh("1799999700", now, tolerance)).isTrue();
        assertThat(WebhookSignature.isFresh("1800000300", now, tolerance)).isTrue();
        assertThat(WebhookSignature.isFresh("1799999699", now, tolerance)).isFalse();
        assertThat(WebhookSignature.isFresh("1800000301", now, tolerance)).isFalse();
        assertThat(WebhookSignature.isFresh("2026-10-14T09:30:00Z", now, tolerance)).isFalse();
    }
}

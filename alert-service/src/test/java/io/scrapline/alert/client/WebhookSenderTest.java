package io.scrapline.alert.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.DeliveryResult.Status;
import io.scrapline.alert.domain.Notices;
import io.scrapline.alert.domain.StandardWebhooks;
import io.scrapline.alert.domain.WebhookEndpoint;
import io.scrapline.alert.domain.WebhookFormat;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * Webhooks to a real HTTP server (WireMock on 127.0.0.2, which the test profile's egress policy allows): each format's
 * body, a signature the receiver verifies, the classification of answers, and addresses the policy refuses.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class WebhookSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = StandardWebhooks.newSecret();

    @ChannelServers.Http
    WireMockServer receiver;

    @Inject
    WebhookSender sender;

    @ParameterizedTest
    @EnumSource(WebhookFormat.class)
    void eachFormatArrivesSignedSoThatTheReceiverVerifiesItAndATamperedBodyFails(WebhookFormat format)
            throws IOException {
        String path = hookPath();
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(202)));
        String messageId = StandardWebhooks.newMessageId();

        DeliveryResult result = sender.send(endpoint(path, format), messageId, Notices.shiftCost()).await()
                .indefinitely();

        assertThat(result.status()).isEqualTo(Status.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(202);
        assertThat(result.providerMessageId()).isEqualTo(messageId);
        LoggedRequest request = only(path);
        String body = request.getBodyAsString();
        assertThat(body).isEqualTo(format.render(Notices.shiftCost(), Notices.LINKS)).contains("NCR-1042")
                .contains("NCR-1043");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("webhook-id")).isEqualTo(messageId);
        String timestamp = request.getHeader("webhook-timestamp");
        String signature = request.getHeader("webhook-signature");
        assertThat(signature).startsWith("v1,");
        assertThat(SignatureVerifier.verify(SECRET, messageId, timestamp, signature, body)).isTrue();
        assertThat(SignatureVerifier.verify(SECRET, messageId, timestamp, signature,
                body.replace("4215.50", "1.00").replace("4,215.50", "1.00"))).isFalse();
        assertThat(SignatureVerifier.verify(StandardWebhooks.newSecret(), messageId, timestamp, signature, body))
                .isFalse();
        assertThat(SignatureVerifier.verify(SECRET, messageId, String.valueOf(Long.parseLong(timestamp) - 3600),
                signature, body)).isFalse();

        JsonNode json = JSON.readTree(body);
        switch (format) {
            case GENERIC -> assertThat(json.get("type").asText()).isEqualTo("scrapline.alert.v1");
            case SLACK -> assertThat(json.at("/blocks/0/type").asText()).isEqualTo("header");
            case TEAMS -> assertThat(json.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
        }
    }

    @Test
    void aDigestGoesAsOneSignedMessage() {
        String path = hookPath();
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String messageId = StandardWebhooks.newMessageId();

        DeliveryResult result = sender.send(endpoint(path, WebhookFormat.GENERIC), messageId, Notices.hourDigest())
                .await().indefinitely();

        assertThat(result.isDelivered()).isTrue();
        LoggedRequest request = only(path);
        assertThat(request.getBodyAsString()).contains("\"type\":\"scrapline.alert_digest.v1\"");
        assertThat(SignatureVerifier.verify(SECRET, messageId, request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), request.getBodyAsString())).isTrue();
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithTheUrlsHostInTheHostHeader() {
        // 127.0.0.2 spelled as one number: the name is checked once and the checked address is dialled.
        String path = hookPath();
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        String url = "http://2130706434:" + receiver.port() + path;

        DeliveryResult result = sender
                .send(new WebhookEndpoint(url, WebhookFormat.GENERIC, SECRET), StandardWebhooks.newMessageId(), "{}")
                .await().indefinitely();

        assertThat(result.isDelivered()).isTrue();
        assertThat(only(path).getHeader("Host")).isEqualTo("2130706434:" + receiver.port());
    }

    @ParameterizedTest
    @CsvSource({ "301, FAILED_PERMANENT, HTTP_REDIRECT", "302, FAILED_PERMANENT, HTTP_REDIRECT",
            "307, FAILED_PERMANENT, HTTP_REDIRECT", "400, FAILED_PERMANENT, HTTP_STATUS",
            "401, FAILED_PERMANENT, HTTP_STATUS", "404, FAILED_PERMANENT, HTTP_STATUS",
            "410, FAILED_PERMANENT, HTTP_STATUS", "408, FAILED_RETRYABLE, HTTP_STATUS",
            "429, FAILED_RETRYABLE, HTTP_STATUS", "500, FAILED_RETRYABLE, HTTP_STATUS",
            "502, FAILED_RETRYABLE, HTTP_STATUS", "503, FAILED_RETRYABLE, HTTP_STATUS" })
    void answersAreClassifiedAndARedirectIsNotFollowed(int status, Status expected, ErrorClass errorClass) {
        String path = hookPath();
        String elsewhere = hookPath();
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Location", base() + elsewhere).withBody("internal detail 7f3a")));

        DeliveryResult result = sender
                .send(endpoint(path, WebhookFormat.GENERIC), StandardWebhooks.newMessageId(), Notices.shiftCost())
                .await().indefinitely();

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.errorClass()).isEqualTo(errorClass);
        assertThat(result.statusCode()).isEqualTo(status);
        assertThat(result.summary()).startsWith("HTTP " + status).doesNotContain("internal detail");
        assertThat(result.providerMessageId()).isNull();
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(elsewhere)))).isEmpty();
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo(path)))).hasSize(1);
    }

    @Test
    void aRetryAfterIsPassedOn() {
        String path = hookPath();
        receiver.stubFor(
                post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        DeliveryResult result = sender
                .send(endpoint(path, WebhookFormat.SLACK), StandardWebhooks.newMessageId(), Notices.shiftCost()).await()
                .indefinitely();

        assertThat(result.status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aReceiverOnAnAddressThePolicyRefusesNeverGetsAConnection() {
        // A live server on loopback, which the policy refuses (only 127.0.0.2 is allowed in tests).
        WireMockServer internal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        internal.start();
        try {
            internal.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
            for (String url : List.of("http://127.0.0.1:" + internal.port() + "/hook",
                    "http://localhost:" + internal.port() + "/hook", "http://2130706433:" + internal.port() + "/hook",
                    "http://[::ffff:127.0.0.1]:" + internal.port() + "/hook")) {
                DeliveryResult result = sender.send(new WebhookEndpoint(url, WebhookFormat.GENERIC, SECRET),
                        StandardWebhooks.newMessageId(), Notices.shiftCost()).await().indefinitely();
                assertThat(result.status()).as(url).isEqualTo(Status.FAILED_PERMANENT);
                assertThat(result.errorClass()).as(url).isEqualTo(ErrorClass.EGRESS_REFUSED);
                assertThat(result.summary()).isEqualTo("address not allowed by egress policy");
            }
            assertThat(internal.getAllServeEvents()).isEmpty();
        } finally {
            internal.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/",
            "https://192.168.1.10/hook", "http://[fd00::1]/hook", "http://0.0.0.0:8084/hook" })
    void internalAndMetadataAddressesAreRefusedPermanently(String url) {
        DeliveryResult result = sender.send(new WebhookEndpoint(url, WebhookFormat.TEAMS, SECRET),
                StandardWebhooks.newMessageId(), Notices.shiftCost()).await().atMost(Duration.ofSeconds(5));

        assertThat(result.status()).isEqualTo(Status.FAILED_PERMANENT);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.EGRESS_REFUSED);
        assertThat(result.summary()).doesNotContain("10.0.0.1").doesNotContain("169.254");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetryable() {
        String path = hookPath();
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));

        DeliveryResult result = sender
                .send(endpoint(path, WebhookFormat.GENERIC), StandardWebhooks.newMessageId(), Notices.shiftCost())
                .await().atMost(Duration.ofSeconds(10));

        assertThat(result.status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.TIMED_OUT);
    }

    @Test
    void aReceiverThatIsDownIsRetryable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ChannelServers.ALLOWED_HOST))) {
            port = socket.getLocalPort();
        }
        DeliveryResult result = sender
                .send(new WebhookEndpoint("http://" + ChannelServers.ALLOWED_HOST + ":" + port + "/hook",
                        WebhookFormat.GENERIC, SECRET), StandardWebhooks.newMessageId(), Notices.shiftCost())
                .await().atMost(Duration.ofSeconds(10));

        assertThat(result.status()).isEqualTo(Status.FAILED_RETRYABLE);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.CONNECTION_REFUSED);
    }

    @Test
    void aUrlThatIsNoHttpUrlIsAPermanentFailure() {
        DeliveryResult result = sender
                .send(new WebhookEndpoint("ftp://example.com/hook", WebhookFormat.GENERIC, SECRET),
                        StandardWebhooks.newMessageId(), Notices.shiftCost())
                .await().indefinitely();

        assertThat(result.status()).isEqualTo(Status.FAILED_PERMANENT);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.INVALID_DESTINATION);
    }

    private static String hookPath() {
        return "/hooks/" + UUID.randomUUID();
    }

    private WebhookEndpoint endpoint(String path, WebhookFormat format) {
        return new WebhookEndpoint(base() + path, format, SECRET);
    }

    private String base() {
        return "http://" + ChannelServers.ALLOWED_HOST + ":" + receiver.port();
    }

    private LoggedRequest only(String path) {
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}

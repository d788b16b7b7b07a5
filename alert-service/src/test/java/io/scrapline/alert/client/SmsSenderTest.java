package io.scrapline.alert.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.DeliveryResult.Status;
import io.scrapline.alert.domain.NoticeSms;
import io.scrapline.alert.domain.Notices;
import io.scrapline.platform.testing.EmbeddedPostgresResource;

/**
 * SMS through a provider API in Twilio's Messages shape, played by WireMock: the request's path, Basic credentials and
 * form fields; the message sid of the answer; error answers summarised and classified. Each test sends to its own
 * number, so the shared server's request log tells the tests apart.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(ChannelServers.Profile.class)
class SmsSenderTest {

    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(100);
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ChannelServers.SMS_ACCOUNT + "/Messages.json";

    @ChannelServers.Http
    WireMockServer provider;

    @Inject
    SmsSender sender;

    @Test
    void theAlertIsPostedAsAFormWithBasicCredentialsAndTheSidIsTheMessageId() {
        String to = number();
        answer(to, 201, """
                {"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued", "to": "%s"}""".formatted(to));

        DeliveryResult result = sender.send(to, Notices.shiftCost()).await().indefinitely();

        assertThat(result.status()).isEqualTo(Status.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(201);
        assertThat(result.providerMessageId()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(result.summary()).isEqualTo("HTTP 201, provider status queued");
        LoggedRequest request = sentTo(to);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (ChannelServers.SMS_ACCOUNT + ":" + ChannelServers.SMS_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(request.getBodyAsString());
        assertThat(form).containsOnlyKeys("To", "From", "Body");
        assertThat(form.get("To")).isEqualTo(to);
        assertThat(form.get("From")).isEqualTo(ChannelServers.SMS_FROM);
        assertThat(form.get("Body")).isEqualTo(NoticeSms.render(Notices.shiftCost(), Notices.LINKS))
                .contains("NCR NCR-1042, NCR-1043").contains("4,215.50 USD > 2,000.00 USD");
    }

    @Test
    void aDigestIsOneSms() {
        String to = number();
        answer(to, 200, "{\"sid\": \"SM1\", \"status\": \"accepted\"}");

        assertThat(sender.send(to, Notices.hourDigest()).await().indefinitely().providerMessageId()).isEqualTo("SM1");
        assertThat(form(sentTo(to).getBodyAsString()).get("Body")).startsWith("Scrapline 2 alerts (1 critical)");
    }

    @Test
    void theProvidersErrorIsSummarisedAndClassifiedWithoutTheToken() {
        String to = number();
        answer(to, 400, """
                {"code": 21211, "message": "The 'To' number %s is not a valid phone number.",
                 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""".formatted(to));

        DeliveryResult result = sender.send(to, Notices.shiftCost()).await().indefinitely();

        assertThat(result.status()).isEqualTo(Status.FAILED_PERMANENT);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.HTTP_STATUS);
        assertThat(result.statusCode()).isEqualTo(400);
        assertThat(result.summary())
                .isEqualTo("HTTP 400, provider error 21211: The 'To' number " + to + " is not a valid phone number.");
        assertThat(result.toString()).doesNotContain(ChannelServers.SMS_TOKEN);
    }

    @Test
    void aBusyOrFailingProviderIsRetryable() {
        for (int status : List.of(429, 500, 503)) {
            String to = number();
            answer(to, status, "{\"code\": 20429, \"message\": \"Too Many Requests\"}");

            DeliveryResult result = sender.send(to, Notices.shiftCost()).await().indefinitely();

            assertThat(result.status()).as("HTTP %d", status).isEqualTo(Status.FAILED_RETRYABLE);
            assertThat(result.statusCode()).isEqualTo(status);
        }
    }

    @Test
    void aNumberThatIsNotE164IsRefusedWithoutARequest() {
        int before = provider.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).size();

        DeliveryResult result = sender.send("555-0100", Notices.shiftCost()).await().indefinitely();

        assertThat(result.status()).isEqualTo(Status.FAILED_PERMANENT);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.INVALID_DESTINATION);
        assertThat(provider.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))).hasSize(before);
    }

    /** The provider answers a message to {@code to} with {@code status} and the JSON {@code body}. */
    private void answer(String to, int status, String body) {
        provider.stubFor(post(urlPathEqualTo(MESSAGES)).withRequestBody(containing(formEncoded(to))).willReturn(
                aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A number of the 555-0100 to 555-0199 range kept for fiction, a different one for each test. */
    private static String number() {
        return "+13125550" + NEXT_NUMBER.getAndIncrement();
    }

    private LoggedRequest sentTo(String to) {
        List<LoggedRequest> requests = provider
                .findAll(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(containing(formEncoded(to))));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}

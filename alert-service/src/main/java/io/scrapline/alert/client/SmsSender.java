package io.scrapline.alert.client;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.Digest;
import io.scrapline.alert.domain.Notice;
import io.scrapline.alert.domain.NoticeLinks;
import io.scrapline.alert.domain.NoticeSms;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/**
 * Sends an SMS through the configured provider's Messages API (Twilio's shape): a form POST of {@code To}, {@code From}
 * or {@code MessagingServiceSid}, and {@code Body}, with the account SID and auth token as HTTP Basic credentials. The
 * answer's {@code sid} is the provider's message id; an error answer's {@code code} and {@code message} are its
 * summary. The token is never logged nor put in a result.
 */
@ApplicationScoped
public class SmsSender {

    /** E.164: a plus, then up to 15 digits, the first not 0. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUMMARY_MAX = 200;

    private final ChannelHttp http;
    private final AlertConfig.Sms config;
    private final NoticeLinks links;

    public SmsSender(ChannelHttp http, AlertConfig config, NoticeLinks links) {
        this.http = http;
        this.config = config.sms();
        this.links = links;
    }

    /** Whether an account, a token and a sender are configured. */
    public boolean configured() {
        return config.accountSid().isPresent() && config.authToken().isPresent()
                && (config.from().isPresent() || config.messagingServiceSid().isPresent());
    }

    /** The alert's SMS text ({@link NoticeSms}) to {@code to}. */
    public Uni<DeliveryResult> send(String to, Notice notice) {
        return send(to, NoticeSms.render(notice, links));
    }

    public Uni<DeliveryResult> send(String to, Digest digest) {
        return send(to, NoticeSms.render(digest, links));
    }

    /** {@code body} to {@code to}, an E.164 number. */
    public Uni<DeliveryResult> send(String to, String body) {
        if (!configured()) {
            return Uni.createFrom().item(DeliveryResult.permanent(ErrorClass.NOT_CONFIGURED, null,
                    "no SMS provider is configured (scrapline.alert.sms)"));
        }
        if (to == null || !E164.matcher(to).matches()) {
            return Uni.createFrom().item(DeliveryResult.permanent(ErrorClass.INVALID_DESTINATION, null,
                    "the phone number is not in E.164 form (+15551234567)"));
        }
        String account = config.accountSid().get();
        String base = config.baseUrl().strip();
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/2010-04-01/Accounts/"
                + URLEncoder.encode(account, StandardCharsets.UTF_8) + "/Messages.json";
        HttpTarget target = HttpTarget.of(url);
        if (target == null) {
            return Uni.createFrom().item(DeliveryResult.permanent(ErrorClass.NOT_CONFIGURED, null,
                    "the SMS provider's base URL is no http or https URL"));
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("To", to).add("Body", body);
        if (config.messagingServiceSid().isPresent()) {
            form.add("MessagingServiceSid", config.messagingServiceSid().get());
        } else {
            form.add("From", config.from().get());
        }
        return http
                .post(target, url, config.timeout(),
                        request -> request.basicAuthentication(account, config.authToken().get())
                                .putHeader("Accept", "application/json").sendForm(form))
                .map(SmsSender::result).onFailure().recoverWithItem(ChannelHttp::failed).invoke(result -> {
                    if (!result.isDelivered()) {
                        Log.warnf("SMS through %s failed: %s", target.host(), result.summary());
                    }
                });
    }

    private static DeliveryResult result(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonNode answer = json(response);
        if (status >= 200 && status < 300) {
            String sid = text(answer, "sid");
            String providerStatus = text(answer, "status");
            return DeliveryResult.delivered(status, sid,
                    "HTTP " + status + (providerStatus == null ? "" : ", provider status " + providerStatus)
                            + (sid == null ? ", the answer names no message sid" : ""));
        }
        String code = text(answer, "code");
        String message = text(answer, "message");
        String summary = "HTTP " + status + (code == null ? "" : ", provider error " + code)
                + (message == null ? "" : ": " + message.replaceAll("\\s+", " ").strip());
        if (summary.length() > SUMMARY_MAX) {
            summary = summary.substring(0, SUMMARY_MAX - 3) + "...";
        }
        return ChannelHttp.failed(status, summary, ChannelHttp.retryAfter(response, Instant.now()));
    }

    private static JsonNode json(HttpResponse<Buffer> response) {
        Buffer body = response.bodyAsBuffer();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return JSON.readTree(body.getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode answer, String field) {
        JsonNode value = answer == null ? null : answer.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}

package io.scrapline.alert.client;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.alert.domain.Digest;
import io.scrapline.alert.domain.Notice;
import io.scrapline.alert.domain.NoticeLinks;
import io.scrapline.alert.domain.StandardWebhooks;
import io.scrapline.alert.domain.WebhookEndpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.codec.BodyCodec;

/**
 * Posts an alert to a webhook endpoint in the endpoint's format, signed by the Standard Webhooks scheme so that the
 * receiver can verify it came from us unchanged: {@code webhook-id} (the same for every attempt at one message),
 * {@code webhook-timestamp} (this attempt) and {@code webhook-signature}. 2xx is delivered; the receiver's body is not
 * read, and its status is all the result tells. The URL, which may itself be a credential (Slack's and Teams' are), is
 * neither logged nor put in the result.
 */
@ApplicationScoped
public class WebhookSender {

    private final ChannelHttp http;
    private final AlertConfig config;
    private final NoticeLinks links;

    public WebhookSender(ChannelHttp http, AlertConfig config, NoticeLinks links) {
        this.http = http;
        this.config = config;
        this.links = links;
    }

    /** The alert in the endpoint's format. */
    public Uni<DeliveryResult> send(WebhookEndpoint endpoint, String messageId, Notice notice) {
        return send(endpoint, messageId, endpoint.format().render(notice, links));
    }

    /** The digest in the endpoint's format. */
    public Uni<DeliveryResult> send(WebhookEndpoint endpoint, String messageId, Digest digest) {
        return send(endpoint, messageId, endpoint.format().render(digest, links));
    }

    /**
     * {@code body} (JSON) to the endpoint, signed.
     *
     * @param messageId
     *            the message's {@code webhook-id}, the same on every retry (see {@link StandardWebhooks#newMessageId})
     */
    public Uni<DeliveryResult> send(WebhookEndpoint endpoint, String messageId, String body) {
        HttpTarget target = HttpTarget.of(endpoint.url());
        if (target == null) {
            return Uni.createFrom().item(DeliveryResult.permanent(ErrorClass.INVALID_DESTINATION, null,
                    "the webhook URL is no http or https URL"));
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature = StandardWebhooks.sign(endpoint.secret(), messageId, timestamp, body);
        return http
                .post(target, endpoint.url(), config.webhook().timeout(),
                        request -> request.as(BodyCodec.none()).putHeader("Content-Type", "application/json")
                                .putHeader(StandardWebhooks.ID, messageId)
                                .putHeader(StandardWebhooks.TIMESTAMP, String.valueOf(timestamp))
                                .putHeader(StandardWebhooks.SIGNATURE, signature).sendBuffer(Buffer.buffer(body)))
                .map(response -> result(response, messageId)).onFailure().recoverWithItem(ChannelHttp::failed)
                .invoke(result -> {
                    if (!result.isDelivered()) {
                        Log.warnf("webhook %s to %s (%s) failed: %s", messageId, target.host(),
                                endpoint.format().code(), result.summary());
                    }
                });
    }

    private DeliveryResult result(HttpResponse<Void> response, String messageId) {
        int status = response.statusCode();
        String summary = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(status, messageId, summary);
        }
        return ChannelHttp.failed(status, summary, ChannelHttp.retryAfter(response, Instant.now()));
    }
}

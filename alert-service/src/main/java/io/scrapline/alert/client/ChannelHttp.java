package io.scrapline.alert.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.scrapline.alert.config.AlertConfig;
import io.scrapline.alert.domain.DeliveryResult;
import io.scrapline.alert.domain.DeliveryResult.ErrorClass;
import io.scrapline.platform.egress.EgressErrors;
import io.scrapline.platform.egress.EgressPolicy;
import io.scrapline.platform.egress.EgressRefusedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The HTTP side of the channels (webhooks, the SMS provider): every request is a POST to the address the egress policy
 * checked for the URL's host, never to the name looked up again, with the Host header and TLS server name (and the
 * certificate check) of the name. Redirects are not followed: a 3xx is a failure that names its status.
 */
@ApplicationScoped
public class ChannelHttp {

    private final WebClient client;
    private final EgressPolicy egress;

    public ChannelHttp(Vertx vertx, EgressPolicy egress, AlertConfig config) {
        this.egress = egress;
        this.client = WebClient.create(vertx,
                new WebClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setFollowRedirects(false).setVerifyHost(true).setUserAgent("Scrapline-Alerts/1"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * A POST of {@code url}, which {@code target} was read from, once the egress policy permits its host and port;
     * {@code send} adds the headers and the body. Fails with {@link EgressRefusedException} when the policy refuses it.
     */
    <T> Uni<HttpResponse<T>> post(HttpTarget target, String url, Duration timeout,
            Function<HttpRequest<Buffer>, Uni<HttpResponse<T>>> send) {
        return egress
                .check(target.host(),
                        target.port())
                .chain(destination -> send
                        .apply(client
                                .requestAbs(HttpMethod.POST,
                                        SocketAddress.inetSocketAddress(target.port(), destination.ip()), url)
                                .ssl(target.https()).timeout(timeout.toMillis())));
    }

    /**
     * The result of an answer that was no 2xx: a redirect and a 4xx other than 408 and 429 are permanent, 408, 429 and
     * 5xx worth a retry.
     */
    static DeliveryResult failed(int status, String summary, Duration retryAfter) {
        if (status >= 300 && status < 400) {
            return DeliveryResult.permanent(ErrorClass.HTTP_REDIRECT, status,
                    summary + ": a redirect, which is not followed; correct the URL");
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return DeliveryResult.permanent(ErrorClass.HTTP_STATUS, status, summary);
        }
        return DeliveryResult.retryable(ErrorClass.HTTP_STATUS, status, summary, retryAfter);
    }

    /**
     * The result of a request that got no answer, in words a tenant may see (never the address behind a name): an
     * address the policy refuses is permanent, anything else (no such host yet, refused, timed out, TLS) worth a retry.
     */
    static DeliveryResult failed(Throwable failure) {
        String text = EgressErrors.classOf(failure);
        return switch (text) {
            case EgressRefusedException.MESSAGE -> DeliveryResult.permanent(ErrorClass.EGRESS_REFUSED, null, text);
            case EgressErrors.HOST_NOT_FOUND -> DeliveryResult.retryable(ErrorClass.HOST_NOT_FOUND, null, text, null);
            case EgressErrors.CONNECTION_REFUSED ->
                    DeliveryResult.retryable(ErrorClass.CONNECTION_REFUSED, null, text, null);
            case EgressErrors.TIMED_OUT -> DeliveryResult.retryable(ErrorClass.TIMED_OUT, null, text, null);
            case EgressErrors.TLS_FAILED -> DeliveryResult.retryable(ErrorClass.TLS_FAILED, null, text, null);
            default -> DeliveryResult.retryable(ErrorClass.CONNECTION_FAILED, null, text, null);
        };
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response, Instant now) {
        String value = response.getHeader("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Duration wait = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.scrapline.alert.domain;

import java.util.Objects;

/**
 * Where a webhook goes, in which format, signed with which secret ({@code whsec_<base64>}). The secret never shows in
 * {@link #toString()}.
 */
public record WebhookEndpoint(String url, WebhookFormat format, String secret) {

    /**
     * @throws IllegalArgumentException
     *             for a secret that is no Standard Webhooks secret
     */
    public WebhookEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        StandardWebhooks.key(secret);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[format=" + format.code() + "]";
    }
}

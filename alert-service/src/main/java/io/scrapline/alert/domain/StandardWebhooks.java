package io.scrapline.alert.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (symmetric, {@code v1}): HMAC-SHA256 over {@code id.timestamp.body} with the key a
 * {@code whsec_<base64>} secret encodes, sent base64 as {@code webhook-signature: v1,<signature>} beside
 * {@code webhook-id} and {@code webhook-timestamp} (seconds since the epoch).
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** The spec's bounds on a symmetric key. */
    static final int KEY_MIN_BYTES = 24;
    static final int KEY_MAX_BYTES = 64;
    /** A message id is ours, never the tenant's, and has no {@code .} that would shift the signed content. */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("a webhook message id is 1 to 128 letters, digits, '_' or '-'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The key of a {@code whsec_} secret.
     *
     * @throws IllegalArgumentException
     *             when it is not {@code whsec_} and base64 of 24 to 64 bytes; the message does not repeat the secret
     */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + SECRET_PREFIX + " and base64");
        }
        if (key.length < KEY_MIN_BYTES || key.length > KEY_MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a webhook secret holds " + KEY_MIN_BYTES + " to " + KEY_MAX_BYTES + " bytes");
        }
        return key;
    }

    /** A new random secret of 32 bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** A new message id, {@code msg_} and 22 random URL-safe characters; the same id goes with every retry. */
    public static String newMessageId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}

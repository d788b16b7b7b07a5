package io.scrapline.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme: {@code webhook-signature} lists {@code v1,<base64 HMAC-SHA256>} of
 * {@code "{webhook-id}.{webhook-timestamp}.{body}"}, keyed with the base64-decoded part of a {@code whsec_} secret.
 * Signing the id and timestamp with the body is what lets a receiver refuse replays and stale deliveries.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code v1,…} signature a sender puts in {@code webhook-signature}. */
    public static String sign(String secret, String webhookId, String timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(hmac(secret, webhookId, timestamp, body));
    }

    /**
     * Whether one of the space-separated signatures of {@code header} is the {@code v1} signature of the delivery under
     * {@code secret}. The comparison takes the same time wherever the bytes differ, so that timing tells an attacker
     * nothing about the expected signature.
     */
    public static boolean matches(String secret, String webhookId, String timestamp, byte[] body, String header) {
        if (secret == null || header == null) {
            return false;
        }
        byte[] expected = hmac(secret, webhookId, timestamp, body);
        boolean matched = false;
        for (String signature : header.trim().split(" +")) {
            if (!signature.startsWith(VERSION)) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(VERSION.length()));
            } catch (IllegalArgumentException e) {
                continue;
            }
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    /** Whether {@code timestamp} (unix seconds) is within {@code tolerance} of {@code now}, either way. */
    public static boolean isFresh(String timestamp, Instant now, Duration tolerance) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return Math.abs(now.getEpochSecond() - seconds) <= tolerance.toSeconds();
    }

    private static byte[] hmac(String secret, String webhookId, String timestamp, byte[] body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every JVM has HmacSHA256, and any non-empty key is valid for it.
            throw new IllegalStateException(e);
        }
    }
}

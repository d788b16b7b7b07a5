package io.scrapline.alert.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver's check of a Standard Webhooks signature, written from the spec and independent of the sender's
 * code: the secret's key is the base64 after {@code whsec_}; the signed content is {@code id.timestamp.body}; the
 * header holds space-separated {@code version,signature} pairs, of which one {@code v1} must match (compared in
 * constant time); the timestamp must be within the tolerance of now.
 */
final class SignatureVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private SignatureVerifier() {
    }

    static boolean verify(String secret, String id, String timestamp, String signatureHeader, String body) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String candidate : signatureHeader.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }
}

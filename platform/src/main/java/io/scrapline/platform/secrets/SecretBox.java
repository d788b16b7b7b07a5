package io.scrapline.platform.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Encrypts secrets for storage with AES-256-GCM under a key from the configuration. A stored value reads
 * {@code enc:v1:<key id>:<base64 of 12-byte nonce + ciphertext + tag>}: the key id travels with the value, so the
 * current key can change while values under older keys still decrypt, and a value that is not in this form is a
 * plaintext value written before encryption, read as it is until it is sealed.
 */
@ApplicationScoped
public class SecretBox {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretBox(SecretsConfig config) {
        this(config.keys().orElse(List.of()), config.currentKey().orElse(null));
    }

    public SecretBox(List<String> ring, String currentKey) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        for (String entry : ring) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("scrapline.secrets.keys: each entry is <key id>:<base64 key>");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scrapline.secrets.keys: key " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("scrapline.secrets.keys: key " + id + " must be 32 bytes (AES-256)");
            }
            parsed.put(id, new SecretKeySpec(key, "AES"));
        }
        if (currentKey != null && !parsed.containsKey(currentKey)) {
            throw new IllegalArgumentException(
                    "scrapline.secrets.current-key " + currentKey + " is not in the key ring");
        }
        this.keys = Map.copyOf(parsed);
        this.currentKey = currentKey;
    }

    /** Whether a current key is configured; without one, nothing can be sealed. */
    public boolean configured() {
        return currentKey != null;
    }

    /** Fails unless a current key is configured: for start-up checks of services that store secrets. */
    public void requireKey() {
        if (!configured()) {
            throw new IllegalStateException("no encryption key for secrets: set scrapline.secrets.keys and "
                    + "scrapline.secrets.current-key (SCRAPLINE_SECRETS_KEYS, SCRAPLINE_SECRETS_CURRENT_KEY)");
        }
    }

    /** The value encrypted under the current key; null stays null. */
    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        requireKey();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(currentKey));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + currentKey + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The plaintext of a stored value: decrypted when sealed (under any key of the ring), as it is when it is a
     * plaintext value from before encryption; null stays null.
     *
     * @throws UnopenableSecret
     *             when the value's key is not in the ring or the value was tampered with
     */
    public String open(String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String id = colon < 0 ? "" : rest.substring(0, colon);
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new UnopenableSecret(
                    "a secret is sealed under key " + id + ", which is not in scrapline.secrets.keys");
        }
        try {
            byte[] in = Base64.getDecoder().decode(rest.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(aad(id));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnopenableSecret("a secret sealed under key " + id + " does not decrypt");
        }
    }

    /** Whether the value is sealed (under any key). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether the value is sealed under the current key, i.e. needs no re-encryption; null needs none either. */
    public boolean isCurrent(String stored) {
        return stored == null || currentKey != null && stored.startsWith(PREFIX + currentKey + ":");
    }

    /** The value sealed under the current key, decrypting it first if it is sealed under another or not at all. */
    public String reseal(String stored) {
        return isCurrent(stored) ? stored : seal(open(stored));
    }

    /** The id of the key that encrypts new values. */
    public Optional<String> currentKey() {
        return Optional.ofNullable(currentKey);
    }

    /** The key id is authenticated with the value, so that relabelling a value with another key id fails. */
    private static byte[] aad(String keyId) {
        return (PREFIX + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A stored secret that the configured keys cannot open: a key removed from the ring too early, or a value changed
     * in the database. The operator's to fix, so requests that need it are answered 503, not as the caller's error.
     */
    public static class UnopenableSecret extends IllegalStateException {

        public UnopenableSecret(String message) {
            super(message);
        }
    }
}

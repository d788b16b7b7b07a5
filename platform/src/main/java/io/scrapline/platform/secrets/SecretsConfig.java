package io.scrapline.platform.secrets;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keys that encrypt secrets at rest (see {@link SecretBox}). In production both come from a Kubernetes Secret; a
 * service that stores secrets refuses to start without them.
 */
@ConfigMapping(prefix = "scrapline.secrets")
public interface SecretsConfig {

    /**
     * The key ring: entries {@code <key id>:<base64 of 32 random bytes>} (AES-256), separated by commas, e.g.
     * {@code k2:q8Tg...=,k1:Zp0x...=}. Keep a retired key here until every value has been re-encrypted under the
     * current one (the service does that at start-up and then hourly), then remove it. Key ids are 1-32 letters,
     * digits, '_' or '-'.
     */
    Optional<List<String>> keys();

    /** The id of the key in {@link #keys()} that encrypts new values. */
    Optional<String> currentKey();

    /**
     * How often a service that stores secrets seals again, tenant by tenant, every value not yet sealed under the
     * current key (it also does so at start-up), so that a retired key can be removed from the ring.
     */
    @WithDefault("1h")
    Duration resealEvery();
}

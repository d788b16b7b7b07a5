package io.scrapline.platform.identity;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.auth.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs the token a service puts on its prompt to another service: issued by the service issuer, the calling service as
 * subject, the {@code service} role, the tenant the prompt is about and no plant or line limit (a prompt asks for the
 * tenant's pending work, whoever sent the records), valid for {@code scrapline.service-identity.token-lifetime}. The
 * end user's token never leaves the service it was sent to: it may expire before the prompt is sent, and its plant and
 * line limits are the user's, not the work's.
 */
@ApplicationScoped
public class ServiceTokens {

    private final ServiceIdentityConfig config;
    private final String service;
    private final Clock clock;
    private final PrivateKey key;

    @Inject
    public ServiceTokens(ServiceIdentityConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this(config, service, Clock.systemUTC());
    }

    /** A signer whose tokens are issued at {@code clock}'s time (tests sign expired tokens with a clock set back). */
    public ServiceTokens(ServiceIdentityConfig config, String service, Clock clock) {
        this.config = config;
        this.service = service;
        this.clock = clock;
        this.key = config.privateKeyLocation().map(ServiceTokens::readPrivateKey).orElse(null);
    }

    /** Creates the signer at start-up, so that a service whose key cannot be read does not start. */
    void readKeyAtStartup(@Observes StartupEvent started) {
        Log.debugf("%s signs its prompts: %s", service, key != null);
    }

    /**
     * A token for a prompt about {@code tenant}'s work.
     *
     * @throws IllegalStateException
     *             when this service has no private key
     */
    public String sign(String tenant) {
        if (key == null) {
            throw new IllegalStateException("scrapline.service-identity.private-key-location is not set: " + service
                    + " cannot sign prompts to other services");
        }
        Instant now = clock.instant();
        return Jwt.issuer(config.issuer()).subject(service).groups(Set.of(Roles.SERVICE))
                .claim(Caller.TENANT_CLAIM, tenant).issuedAt(now).expiresAt(now.plus(config.tokenLifetime()))
                .claim(Claims.jti.name(), UUID.randomUUID().toString()).sign(key);
    }

    private static PrivateKey readPrivateKey(String location) {
        try {
            return KeyUtils.decodePrivateKey(KeyUtils.readKeyContent(location));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the service private key at " + location + " cannot be read", e);
        }
    }
}

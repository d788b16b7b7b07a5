package io.scrapline.platform.identity;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The key pair and issuer of the tokens the services sign for their prompts to each other (docs/architecture.md,
 * "Service identities"). In production the keys come from a Kubernetes Secret; tests and the local run use a pair made
 * for one JVM.
 */
@ConfigMapping(prefix = "scrapline.service-identity")
public interface ServiceIdentityConfig {

    /**
     * The {@code iss} of service tokens. It must differ from the identity provider's issuer
     * ({@code mp.jwt.verify.issuer}): the issuer is what tells a service token from a user's, and a service refuses to
     * start when the two are the same.
     */
    @WithDefault("urn:scrapline:services")
    String issuer();

    /**
     * Where the PKCS#8 PEM private key that signs this service's prompts is: a path, {@code file:} or
     * {@code classpath:}. Only a service that prompts another (ingest, costing) needs it.
     */
    Optional<String> privateKeyLocation();

    /**
     * Where the public key (PEM, JWK or JWKS) that verifies service tokens is. Only a service that takes prompts
     * (costing, alert) needs it; without it every service token is refused.
     */
    Optional<String> publicKeyLocation();

    /** How long a service token is valid. A prompt is sent as soon as its token is signed, so a minute is plenty. */
    @WithDefault("60s")
    Duration tokenLifetime();
}

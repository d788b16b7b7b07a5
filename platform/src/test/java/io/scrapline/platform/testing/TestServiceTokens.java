package io.scrapline.platform.testing;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * The service key pair of tests and the local run, made for this JVM only and written to temporary PEM files that the
 * services read through {@code scrapline.service-identity.*}; production reads its pair from a Kubernetes Secret. Also
 * signs service tokens with the claims a service gives them (platform's {@code ServiceTokens}), for callers that are
 * not a service: the benchmarks, and tests of who may prompt. It stands apart from platform's main code, as
 * {@link TestTokens} does, so that the benchmarks need only this test-jar.
 */
public final class TestServiceTokens {

    /** The service issuer of tests and the local run. */
    public static final String ISSUER = "urn:scrapline:services:demo";

    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final TestServiceTokens INSTANCE = new TestServiceTokens();

    private final KeyPair keys;
    private final Path privateKeyFile;
    private final Path publicKeyFile;

    private TestServiceTokens() {
        keys = TestKeys.rsa();
        privateKeyFile = TestKeys.pemFile("scrapline-service-key-", "PRIVATE KEY", keys.getPrivate().getEncoded());
        publicKeyFile = TestKeys.pemFile("scrapline-service-public-key-", "PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public static TestServiceTokens get() {
        return INSTANCE;
    }

    /** The settings a service needs to sign prompts with this pair and to verify them. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("scrapline.service-identity.issuer", ISSUER);
        config.put("scrapline.service-identity.private-key-location", privateKeyFile.toUri().toString());
        config.put("scrapline.service-identity.public-key-location", publicKeyFile.toUri().toString());
        return config;
    }

    /** A service token of {@code tenant}, as service {@code service} signs it for a prompt. */
    public String token(String service, String tenant) {
        return sign(service, tenant, Instant.now());
    }

    /** A service token of {@code tenant} that expired {@code ago} ago. */
    public String expiredToken(String service, String tenant, Duration ago) {
        return sign(service, tenant, Instant.now().minus(ago).minus(LIFETIME));
    }

    private String sign(String service, String tenant, Instant issued) {
        return Jwt.issuer(ISSUER).subject(service).groups(Set.of("service")).claim("tenant", tenant).issuedAt(issued)
                .expiresAt(issued.plus(LIFETIME)).claim("jti", UUID.randomUUID().toString()).sign(keys.getPrivate());
    }
}

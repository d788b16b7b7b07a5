package io.scrapline.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.scrapline.platform.identity.ServiceIdentityConfig;
import io.scrapline.platform.identity.ServiceTokens;

/**
 * The service key pair of tests and the local run, made for this JVM only and written to temporary PEM files that the
 * services read through {@code scrapline.service-identity.*}; production reads its pair from a Kubernetes Secret. Also
 * signs service tokens as a service would, for callers that are not a service (the benchmarks, tests of expiry).
 */
public final class TestServiceTokens {

    /** The service issuer of tests and the local run. */
    public static final String ISSUER = "urn:scrapline:services:demo";

    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final TestServiceTokens INSTANCE = new TestServiceTokens();

    private final Path privateKeyFile;
    private final Path publicKeyFile;

    private TestServiceTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            privateKeyFile = pemFile("scrapline-service-key-", "PRIVATE KEY", keys.getPrivate().getEncoded());
            publicKeyFile = pemFile("scrapline-service-public-key-", "PUBLIC KEY", keys.getPublic().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        return signer(service, Clock.systemUTC()).sign(tenant);
    }

    /** A service token of {@code tenant} that expired {@code ago} ago. */
    public String expiredToken(String service, String tenant, Duration ago) {
        Instant issued = Instant.now().minus(ago).minus(LIFETIME);
        return signer(service, Clock.fixed(issued, ZoneOffset.UTC)).sign(tenant);
    }

    private ServiceTokens signer(String service, Clock clock) {
        return new ServiceTokens(new Settings(ISSUER, Optional.of(privateKeyFile.toUri().toString()),
                Optional.of(publicKeyFile.toUri().toString()), LIFETIME), service, clock);
    }

    private record Settings(String issuer, Optional<String> privateKeyLocation, Optional<String> publicKeyLocation,
            Duration tokenLifetime) implements ServiceIdentityConfig {
    }

    private static Path pemFile(String prefix, String type, byte[] der) {
        try {
            Path file = Files.createTempFile(prefix, ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file,
                    "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                            + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

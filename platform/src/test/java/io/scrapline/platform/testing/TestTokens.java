package io.scrapline.platform.testing;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.scrapline.platform.auth.DemoTokenGuard;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signs bearer tokens with a key pair made for this JVM only, for tests and the local demo. The services trust the
 * public key through the standard {@code mp.jwt.verify.*} settings; production is configured with the identity
 * provider's key and issuer, so it never accepts these tokens.
 */
public final class TestTokens {

    public static final String ISSUER = DemoTokenGuard.DEMO_ISSUER;

    private static final TestTokens INSTANCE = new TestTokens();

    private final KeyPair keys;
    private final Path publicKeyFile;

    private TestTokens() {
        keys = TestKeys.rsa();
        publicKeyFile = TestKeys.pemFile("scrapline-jwt-", "PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public static TestTokens get() {
        return INSTANCE;
    }

    /** The verification settings a service needs to trust these tokens. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", publicKeyFile.toUri().toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        return config;
    }

    /** A token of {@code tenant} with the given roles. */
    public String token(String tenant, String... roles) {
        return builder(tenant, roles).sign(keys.getPrivate());
    }

    /** A supervisor-style token limited to some lines of some plants. */
    public String scopedToken(String tenant, List<String> plants, List<String> lines, String... roles) {
        return builder(tenant, roles).claim("plants", plants).claim("lines", lines).sign(keys.getPrivate());
    }

    /** A token this identity provider signs but with another {@code iss}, as a hostile administrator could. */
    public String tokenClaimingIssuer(String issuer, String tenant, String... roles) {
        return builder(tenant, roles).issuer(issuer).sign(keys.getPrivate());
    }

    private JwtClaimsBuilder builder(String tenant, String... roles) {
        return Jwt.issuer(ISSUER).upn(tenant + "-" + String.join("-", roles) + "@demo.scrapline.local")
                .subject(tenant + "-" + String.join("-", roles)).groups(Set.of(roles)).claim("tenant", tenant)
                .expiresIn(Duration.ofHours(12));
    }
}

package io.scrapline.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.auth.Caller;
import io.scrapline.platform.testing.TestServiceTokens;
import io.scrapline.platform.testing.TestTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Users' tokens are verified against the identity provider, service tokens against the service key, and the
 * {@code service} role comes from the service key alone.
 */
class TwoIssuerPrincipalFactoryTest {

    private static final String TENANT = "acme";
    private static final Map<String, String> SERVICE_KEYS = TestServiceTokens.get().quarkusConfig();

    private final JWTAuthContextInfo identityProvider = new JWTAuthContextInfo(
            TestTokens.get().quarkusConfig().get("mp.jwt.verify.publickey.location"), TestTokens.ISSUER);
    private final TwoIssuerPrincipalFactory factory = new TwoIssuerPrincipalFactory(settings(TestServiceTokens.ISSUER));

    @Test
    void aServiceTokenCarriesTheServiceRoleTheTenantAndTheCallingService() throws ParseException {
        ServiceTokens ingest = new ServiceTokens(settings(TestServiceTokens.ISSUER), "ingest-service",
                Clock.systemUTC());
        JWTCallerPrincipal token = parse(ingest.sign(TENANT));

        assertThat(token.getGroups()).containsExactly("service");
        assertThat((String) token.getClaim(Caller.TENANT_CLAIM)).isEqualTo(TENANT);
        assertThat(token.getSubject()).isEqualTo("ingest-service");
        assertThat(token.getIssuer()).isEqualTo(TestServiceTokens.ISSUER);
        assertThat(token.getExpirationTime() - token.getIssuedAtTime()).isEqualTo(60);
        assertThat(token.getClaimNames()).doesNotContain(Caller.PLANTS_CLAIM, Caller.LINES_CLAIM);
        assertThat(token.getTokenID()).isNotBlank().isNotEqualTo(parse(ingest.sign(TENANT)).getTokenID());
    }

    @Test
    void theTestsServiceTokensPassAsAServicesDo() throws ParseException {
        JWTCallerPrincipal token = parse(TestServiceTokens.get().token("costing-service", TENANT));

        assertThat(token.getGroups()).containsExactly("service");
        assertThat((String) token.getClaim(Caller.TENANT_CLAIM)).isEqualTo(TENANT);
        assertThat(token.getSubject()).isEqualTo("costing-service");
    }

    @Test
    void aUsersTokenIsVerifiedAgainstTheIdentityProvider() throws ParseException {
        JWTCallerPrincipal token = parse(TestTokens.get().token(TENANT, "ingest", "admin"));

        assertThat(token.getGroups()).containsExactlyInAnyOrder("ingest", "admin");
        assertThat(token.getIssuer()).isEqualTo(TestTokens.ISSUER);
    }

    @Test
    void aTokenOfTheIdentityProviderMayNotClaimTheServiceRole() {
        assertThatThrownBy(() -> parse(TestTokens.get().token(TENANT, "service"))).isInstanceOf(ParseException.class)
                .hasMessageContaining("claims the service role");
        assertThatThrownBy(() -> parse(TestTokens.get().token(TENANT, "admin", "service")))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenOfTheIdentityProviderThatNamesTheServiceIssuerFailsTheServiceKey() {
        String forged = TestTokens.get().tokenClaimingIssuer(TestServiceTokens.ISSUER, TENANT, "service");

        assertThatThrownBy(() -> parse(forged)).isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenSignedWithTheServiceKeyForTheUsersIssuerFailsTheIdentityProvidersKey() {
        String crossed = new ServiceTokens(settings(TestTokens.ISSUER), "ingest-service", Clock.systemUTC())
                .sign(TENANT);

        assertThatThrownBy(() -> parse(crossed)).isInstanceOf(ParseException.class);
    }

    @Test
    void anExpiredServiceTokenIsRefused() {
        Clock tenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        String expired = new ServiceTokens(settings(TestServiceTokens.ISSUER), "costing-service", tenMinutesAgo)
                .sign(TENANT);

        assertThatThrownBy(() -> parse(expired)).isInstanceOf(ParseException.class);
        assertThatThrownBy(
                () -> parse(TestServiceTokens.get().expiredToken("costing-service", TENANT, Duration.ofMinutes(5))))
                        .isInstanceOf(ParseException.class);
    }

    @Test
    void aServiceWithoutTheServicePublicKeyRefusesServiceTokensButNotUsers() throws ParseException {
        TwoIssuerPrincipalFactory withoutKey = new TwoIssuerPrincipalFactory(
                new ServiceIdentitySettings(TestServiceTokens.ISSUER, Optional.empty(), Optional.empty()));

        assertThatThrownBy(
                () -> withoutKey.parse(TestServiceTokens.get().token("ingest-service", TENANT), identityProvider))
                        .isInstanceOf(ParseException.class).hasMessageContaining("no service public key");
        assertThat(withoutKey.parse(TestTokens.get().token(TENANT, "controller"), identityProvider).getGroups())
                .containsExactly("controller");
    }

    @Test
    void aServiceIssuerThatIsTheIdentityProvidersDoesNotStart() {
        TwoIssuerPrincipalFactory sameIssuer = new TwoIssuerPrincipalFactory(settings(TestTokens.ISSUER));

        assertThatThrownBy(() -> sameIssuer.checkAtStartup(null, Optional.of(TestTokens.ISSUER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("an issuer of their own");
    }

    @Test
    void anUnreadableServicePublicKeyDoesNotStart() {
        TwoIssuerPrincipalFactory missingKey = new TwoIssuerPrincipalFactory(new ServiceIdentitySettings(
                TestServiceTokens.ISSUER, Optional.empty(), Optional.of("file:/nonexistent/service-public-key.pem")));

        assertThatThrownBy(() -> missingKey.checkAtStartup(null, Optional.of(TestTokens.ISSUER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void aServiceWithoutThePrivateKeyCannotSign() {
        ServiceTokens signer = new ServiceTokens(
                new ServiceIdentitySettings(TestServiceTokens.ISSUER, Optional.empty(), Optional.empty()),
                "reporting-service", Clock.systemUTC());

        assertThatThrownBy(() -> signer.sign(TENANT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reporting-service cannot sign");
    }

    private JWTCallerPrincipal parse(String token) throws ParseException {
        return factory.parse(token, identityProvider);
    }

    private static ServiceIdentitySettings settings(String issuer) {
        return new ServiceIdentitySettings(issuer,
                Optional.of(SERVICE_KEYS.get("scrapline.service-identity.private-key-location")),
                Optional.of(SERVICE_KEYS.get("scrapline.service-identity.public-key-location")));
    }

    private record ServiceIdentitySettings(String issuer, Optional<String> privateKeyLocation,
            Optional<String> publicKeyLocation) implements ServiceIdentityConfig {

        @Override
        public Duration tokenLifetime() {
            return Duration.ofSeconds(60);
        }
    }
}

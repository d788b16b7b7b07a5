package io.scrapline.platform.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.quarkus.runtime.StartupEvent;
import io.scrapline.platform.auth.Roles;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Verifies the bearer tokens of two issuers: users' tokens against the identity provider's key and issuer (the standard
 * {@code mp.jwt.verify.*} settings, which Quarkus hands in as the context), and service tokens ({@link ServiceTokens})
 * against the service key and issuer ({@link ServiceIdentityConfig}). The {@code service} role is accepted only from a
 * token signed with the service key: a token of the identity provider that claims it is refused, so that whoever
 * administers the identity provider for a tenant cannot mint a service token.
 * <p>
 * Why a principal factory: smallrye-jwt verifies every token against one key source and one issuer. A JWKS holding both
 * keys would let either key sign a token of either issuer, and a {@code SecurityIdentityAugmentor} that drops the role
 * afterwards would still need that JWKS. Here the token's (not yet verified) {@code iss} only chooses which of the two
 * verifications it must pass, and each verification checks the signature with its own key and the issuer again. Quarkus
 * uses this bean instead of smallrye's default factory because it is an enabled alternative.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TwoIssuerPrincipalFactory extends JWTCallerPrincipalFactory {

    // Each factory's parser keeps the key resolver of the first context it is given, so each issuer has its own.
    private final JWTCallerPrincipalFactory users = new DefaultJWTCallerPrincipalFactory();
    private final JWTCallerPrincipalFactory services = new DefaultJWTCallerPrincipalFactory();
    private final String serviceIssuer;
    private final Optional<String> serviceKeyLocation;
    private final JWTAuthContextInfo serviceContext;

    @Inject
    public TwoIssuerPrincipalFactory(ServiceIdentityConfig config) {
        this.serviceIssuer = config.issuer();
        this.serviceKeyLocation = config.publicKeyLocation();
        this.serviceContext = serviceKeyLocation.map(location -> new JWTAuthContextInfo(location, serviceIssuer))
                .orElse(null);
    }

    /**
     * Refuses to start when the service issuer is the identity provider's (a user's token could not be told from a
     * service's) or the service public key cannot be read.
     */
    void checkAtStartup(@Observes StartupEvent started,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> userIssuer) {
        if (userIssuer.filter(serviceIssuer::equals).isPresent()) {
            throw new IllegalStateException("scrapline.service-identity.issuer and mp.jwt.verify.issuer are both "
                    + serviceIssuer + ": service tokens need an issuer of their own");
        }
        serviceKeyLocation.ifPresent(location -> {
            try {
                KeyUtils.readKeyContent(location);
            } catch (IOException e) {
                throw new IllegalStateException("the service public key at " + location + " cannot be read", e);
            }
        });
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo userContext) throws ParseException {
        if (serviceIssuer.equals(claimedIssuer(token))) {
            if (serviceContext == null) {
                throw new ParseException("this service takes no service tokens (no service public key)");
            }
            return services.parse(token, serviceContext);
        }
        JWTCallerPrincipal user = users.parse(token, userContext);
        if (user.getGroups().contains(Roles.SERVICE)) {
            throw new ParseException("a token of the identity provider claims the " + Roles.SERVICE + " role");
        }
        return user;
    }

    /** The {@code iss} a signed token claims, unverified; null for anything else, which the users' check refuses. */
    private static String claimedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .getIssuer();
        } catch (IllegalArgumentException | InvalidJwtException | MalformedClaimException e) {
            return null;
        }
    }
}

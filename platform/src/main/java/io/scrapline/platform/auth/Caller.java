package io.scrapline.platform.auth;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;

/**
 * Who is calling, from the verified bearer token: the tenant whose data the request may touch, and the optional plant
 * and line scope of a supervisor.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    public static final String PLANTS_CLAIM = "plants";
    public static final String LINES_CLAIM = "lines";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's tenant; a token without one may not touch tenant data at all. */
    public String tenant() {
        String tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw new ForbiddenException("the token names no tenant");
        }
        return tenant;
    }

    /** The plants the token is limited to; empty means every plant of the tenant. */
    public Set<String> plants() {
        return claimSet(PLANTS_CLAIM);
    }

    /** The lines the token is limited to; empty means every line. */
    public Set<String> lines() {
        return claimSet(LINES_CLAIM);
    }

    /** The token's plant and line scope, the value services apply to what they read and write. */
    public Scope scope() {
        return Scope.of(plants(), lines());
    }

    /** Who the caller is (the token's upn, else its subject), recorded on what the caller changes. */
    public String name() {
        return token.getName();
    }

    private Set<String> claimSet(String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", ""))
                    .collect(java.util.stream.Collectors.toSet());
        }
        if (value instanceof jakarta.json.JsonArray array) {
            return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                    .collect(java.util.stream.Collectors.toSet());
        }
        return value == null ? Set.of() : Set.of(value.toString());
    }
}

package io.scrapline.platform.auth;

import jakarta.ws.rs.Priorities;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Names the caller's tenant in the log context (key {@value #KEY}) of each request, so that every line a request logs
 * says whose data it was about; JSON logs carry it as a field of the line, beside the trace and span ids that tracing
 * puts there. The context belongs to the request (Quarkus keeps it in the request's Vert.x context), so it never leaks
 * into another request's lines.
 */
public class TenantLogContext {

    public static final String KEY = "tenant";

    private final JsonWebToken token;

    public TenantLogContext(JsonWebToken token) {
        this.token = token;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public void nameTenant() {
        String tenant = token.getClaim(Caller.TENANT_CLAIM);
        if (tenant != null && !tenant.isBlank()) {
            MDC.put(KEY, tenant);
        }
    }
}

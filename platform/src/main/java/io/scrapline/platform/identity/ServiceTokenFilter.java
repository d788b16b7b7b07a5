package io.scrapline.platform.identity;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Puts a service token on a prompt to another service. A REST client registers it with {@code @RegisterProvider} and
 * names the tenant of each call in the {@link #TENANT_HEADER} header, which this filter takes off the request and turns
 * into the {@code Authorization} header; the receiver reads the tenant from the verified token only.
 */
public class ServiceTokenFilter implements ClientRequestFilter {

    /** The header a prompt's client method names its tenant in; it never leaves the calling service. */
    public static final String TENANT_HEADER = "X-Scrapline-Prompt-Tenant";

    private final ServiceTokens tokens;

    public ServiceTokenFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String tenant = request.getHeaderString(TENANT_HEADER);
        request.getHeaders().remove(TENANT_HEADER);
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalStateException("the prompt to " + request.getUri() + " names no tenant");
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.sign(tenant));
    }
}

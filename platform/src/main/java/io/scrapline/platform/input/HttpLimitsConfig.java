package io.scrapline.platform.input;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The limits of the HTTP layer that Scrapline answers itself with problem+json. Vert.x's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set above these, so that a request
 * over these limits still reaches the router and gets a document rather than an empty answer.
 */
@ConfigMapping(prefix = "scrapline.http")
public interface HttpLimitsConfig {

    /** Longest request URI (path and query); a longer one is answered 414. */
    @WithDefault("8192")
    int maxUriLength();

    /** Largest total size of the request's header names and values; larger is answered 431. */
    @WithDefault("16384")
    int maxHeaderSize();
}

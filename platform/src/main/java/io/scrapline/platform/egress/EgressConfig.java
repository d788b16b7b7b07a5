package io.scrapline.platform.egress;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the platform may connect on a tenant's behalf (pull connectors, OAuth2 token endpoints, outbound webhooks): see
 * {@link EgressPolicy}. Entries are CIDR blocks with an optional port: {@code 10.20.0.0/16}, {@code 10.20.0.5/32:5432},
 * {@code [fd00:1::/64]:443}; an address without a prefix length is a single host.
 */
@ConfigMapping(prefix = "scrapline.egress")
public interface EgressConfig {

    /**
     * Destinations permitted although they lie in a refused range (loopback, private, link-local, unique-local, ...),
     * e.g. a plant network reached over a VPN. It never permits the platform's own database or services, nor an entry
     * of {@link #deny()}. Empty by default: only public addresses are reachable.
     */
    Optional<List<String>> allow();

    /**
     * Destinations refused even when public or allow-listed, in addition to the platform's own database and services,
     * which are refused without being listed (read from the datasource and REST client URLs of the configuration).
     */
    Optional<List<String>> deny();

    /** Longest wait for the name lookup of a destination; a lookup that takes longer fails as "timed out". */
    @WithDefault("5s")
    Duration resolveTimeout();

    /** Redirects one HTTP request follows at most; each redirect target is checked like the first request. */
    @WithDefault("5")
    int maxRedirects();
}

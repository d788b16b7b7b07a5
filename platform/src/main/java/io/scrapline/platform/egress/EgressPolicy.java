package io.scrapline.platform.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.quarkus.logging.Log;
import io.scrapline.platform.egress.EgressRules.Endpoint;
import io.scrapline.platform.egress.EgressRules.Verdict;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Decides where the platform may connect on a tenant's behalf. A destination's name is resolved once and every address
 * it resolves to is checked; the caller then connects to the checked address (see {@link Destination}), never to the
 * name again, so that a name that answers differently the second time (DNS rebinding) gains nothing. Refused: loopback,
 * private (RFC 1918), shared (CGNAT 100.64/10), link-local (cloud metadata at 169.254.169.254), unique-local,
 * multicast, unspecified and reserved addresses, in any spelling ({@code 2130706433}, {@code 0x7f.1}, {@code 127.1},
 * {@code ::ffff:127.0.0.1}), unless {@code scrapline.egress.allow} permits them; and, allow-listed or not, the
 * platform's own database and services (read from the datasource and REST client URLs of the configuration) and
 * whatever {@code scrapline.egress.deny} lists. Callers check again on every connection and after every redirect.
 */
@ApplicationScoped
public class EgressPolicy {

    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?" + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");
    private static final Pattern URL_PROPERTY = Pattern.compile(
            "quarkus\\.(datasource(\\.\"?[^.\"]+\"?)?\\.(reactive|jdbc)\\.url|rest-client\\.(\"[^\"]+\"|[^.]+)\\.(url|uri))");

    /** A host and port of the platform itself, resolved at each check; a null host is every address of this host. */
    record OwnEndpoint(String host, int port) {
    }

    private final EgressConfig config;
    private final Vertx vertx;
    private final EgressRules rules;
    private final List<OwnEndpoint> own;

    @Inject
    public EgressPolicy(EgressConfig config, Vertx vertx, Config properties) {
        this(config, vertx, ownEndpoints(properties));
    }

    EgressPolicy(EgressConfig config, Vertx vertx, List<OwnEndpoint> own) {
        this.config = config;
        this.vertx = vertx;
        this.rules = new EgressRules(blocks(config.allow()), blocks(config.deny()));
        this.own = List.copyOf(own);
    }

    /**
     * The destination to connect to for {@code host} and {@code port}, looked up off the event loop. Fails with
     * {@link EgressRefusedException} when the policy refuses it (or any address its name resolves to), with
     * {@link UnknownHostException} when the name does not resolve, and with {@link TimeoutException} when the lookup
     * takes too long.
     */
    public Uni<Destination> check(String host, int port) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> checkNow(host, port)), false).ifNoItem()
                .after(config.resolveTimeout()).failWith(() -> new TimeoutException("looking up " + host));
    }

    /** As {@link #check}, on the calling thread, which may block for the lookup. */
    public Destination checkNow(String host, int port) {
        InetAddress[] addresses;
        try {
            addresses = resolve(host);
        } catch (UnknownHostException e) {
            throw new UncheckedUnknownHost(e);
        }
        List<Endpoint> endpoints = ownEndpoints();
        for (InetAddress address : addresses) {
            Verdict verdict = rules.decide(address, port, endpoints);
            if (verdict != Verdict.PERMITTED) {
                String detail = host + " (" + address.getHostAddress() + ") port " + port + ": "
                        + verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                Log.warnf("egress refused: %s", detail);
                throw new EgressRefusedException(detail);
            }
        }
        return new Destination(host, addresses[0], port);
    }

    /** The maximum number of redirects to follow, each checked like the first request. */
    public int maxRedirects() {
        return config.maxRedirects();
    }

    /**
     * An unresolvable name, unchecked so that it passes through {@code Uni} suppliers; its cause is the
     * {@link UnknownHostException}.
     */
    public static final class UncheckedUnknownHost extends RuntimeException {

        UncheckedUnknownHost(UnknownHostException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new EgressRefusedException("no host");
        }
        InetAddress literal;
        try {
            literal = HostLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw new EgressRefusedException(e.getMessage());
        }
        if (literal != null) {
            return new InetAddress[] { literal };
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new EgressRefusedException("not a host name: " + host);
        }
        // The fully qualified form (a trailing dot) names the same host.
        InetAddress[] addresses = InetAddress
                .getAllByName(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    private List<Endpoint> ownEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (OwnEndpoint endpoint : own) {
            if (endpoint.host() == null) {
                endpoints.add(new Endpoint(null, endpoint.port()));
                continue;
            }
            try {
                for (InetAddress address : resolve(endpoint.host())) {
                    endpoints.add(new Endpoint(address, endpoint.port()));
                }
            } catch (UnknownHostException | RuntimeException e) {
                Log.debugf("own endpoint %s does not resolve: %s", endpoint.host(), e.getMessage());
            }
        }
        return endpoints;
    }

    private static List<Cidr> blocks(Optional<List<String>> entries) {
        return entries.orElse(List.of()).stream().filter(entry -> !entry.isBlank()).map(Cidr::parse).toList();
    }

    /** The platform's own endpoints named in the configuration: its databases, the services it calls, itself. */
    static List<OwnEndpoint> ownEndpoints(Config properties) {
        Set<OwnEndpoint> endpoints = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>(List.of("quarkus.datasource.reactive.url",
                "quarkus.datasource.jdbc.url", "quarkus.datasource.migration.jdbc.url"));
        for (String name : properties.getPropertyNames()) {
            if (URL_PROPERTY.matcher(name).matches()) {
                names.add(name);
            }
        }
        for (String name : names) {
            value(properties, name).ifPresent(url -> endpoints.addAll(fromUrl(url)));
        }
        for (String name : List.of("quarkus.http.port", "quarkus.http.ssl-port", "quarkus.http.test-port",
                "quarkus.http.test-ssl-port")) {
            value(properties, name).filter(port -> port.strip().matches("[1-9][0-9]{0,4}"))
                    .ifPresent(port -> endpoints.add(new OwnEndpoint(null, Integer.parseInt(port.strip()))));
        }
        value(properties, "quarkus.mailer.host")
                .ifPresent(host -> endpoints.add(new OwnEndpoint(host, value(properties, "quarkus.mailer.port")
                        .filter(port -> port.matches("[0-9]{1,5}")).map(Integer::parseInt).orElse(25))));
        return List.copyOf(endpoints);
    }

    /** The hosts and ports of a datasource or HTTP URL ({@code postgresql://a:5432,b/db}, {@code jdbc:...}). */
    static List<OwnEndpoint> fromUrl(String url) {
        String text = url.strip();
        for (String prefix : List.of("jdbc:", "vertx-reactive:")) {
            if (text.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            return List.of();
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "postgresql", "postgres" -> 5432;
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        String authority = text.substring(schemeEnd + 3).split("[/?#]", 2)[0];
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        List<OwnEndpoint> endpoints = new ArrayList<>();
        for (String hostPort : authority.split(",")) {
            String host = hostPort;
            int port = defaultPort;
            int colon = hostPort.lastIndexOf(':');
            if (colon > hostPort.lastIndexOf(']') && hostPort.indexOf(':') == colon
                    || hostPort.startsWith("[") && colon > hostPort.lastIndexOf(']')) {
                host = hostPort.substring(0, colon);
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            if (!host.isBlank() && port > 0) {
                endpoints.add(new OwnEndpoint(host, port));
            }
        }
        return endpoints;
    }

    private static Optional<String> value(Config properties, String name) {
        try {
            return properties.getOptionalValue(name, String.class).filter(value -> !value.isBlank());
        } catch (RuntimeException e) {
            // A value that cannot be expanded here names no endpoint.
            return Optional.empty();
        }
    }
}

package io.scrapline.ingest.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The scheme, host and port an http or https URL leads to. The host is taken from the authority as written, also where
 * {@link URI#getHost()} gives up (e.g. {@code http://2130706433/} or {@code http://0x7f.1/}), so that the egress policy
 * sees every spelling of an address rather than the URL being waved through or refused for its syntax.
 */
public record Target(String scheme, String host, int port) {

    /** The target of {@code url}, or null when it is no absolute http or https URL with a host. */
    public static Target of(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null) {
            return null;
        }
        String authority = uri.getRawAuthority();
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
        } else if (authority.indexOf(':') >= 0) {
            host = authority.substring(0, authority.lastIndexOf(':'));
            port = authority.substring(authority.lastIndexOf(':') + 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        int number = scheme.equals("https") ? 443 : 80;
        if (port != null && !port.isEmpty()) {
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return null;
            }
            number = Integer.parseInt(port);
        }
        return new Target(scheme, host.toLowerCase(Locale.ROOT), number);
    }

    /** Scheme, host and port: where credentials may go. */
    public String origin() {
        return scheme + "://" + host + ":" + port;
    }
}

package io.scrapline.alert.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The host and port an http or https URL connects to, read from the authority as written: {@link URI#getHost()} gives
 * no host for spellings such as {@code http://2130706433/}, which the egress policy must still see and judge.
 */
record HttpTarget(boolean https, String host, int port) {

    /** The target of {@code url}, or null when it is no absolute http or https URL with a host and a valid port. */
    static HttpTarget of(String url) {
        URI uri = uri(url);
        boolean https = uri != null && "https".equalsIgnoreCase(uri.getScheme());
        if (uri == null || !https && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
            return null;
        }
        String authority = uri.getRawAuthority();
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int portStart = hostPort.startsWith("[") ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':');
        if (hostPort.startsWith("[") && portStart == 0) {
            return null;
        }
        String host = hostPort;
        String port = "";
        if (portStart > 0 && portStart < hostPort.length()) {
            if (hostPort.charAt(portStart) != ':') {
                return null;
            }
            host = hostPort.substring(0, portStart);
            port = hostPort.substring(portStart + 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        if (port.isEmpty()) {
            return new HttpTarget(https, host.toLowerCase(Locale.ROOT), https ? 443 : 80);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            return null;
        }
        return new HttpTarget(https, host.toLowerCase(Locale.ROOT), Integer.parseInt(port));
    }

    private static URI uri(String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

package io.scrapline.platform.egress;

import java.net.InetAddress;

/**
 * A destination the policy permitted: the host as the tenant named it (for the Host header, TLS SNI and certificate
 * checks) and the address that was checked, which is the one to connect to, so that a second lookup cannot lead
 * elsewhere (DNS rebinding).
 */
public record Destination(String host, InetAddress address, int port) {

    /** The checked address as text, to connect to. */
    public String ip() {
        return address.getHostAddress();
    }
}

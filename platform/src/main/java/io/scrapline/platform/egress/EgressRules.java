package io.scrapline.platform.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decision for one address and port, without Quarkus: the platform's own endpoints and the deny list are refused
 * always; the allow list permits what it holds; otherwise only public unicast addresses are permitted.
 */
public final class EgressRules {

    /** Ranges no tenant may reach unless allow-listed. IPv6 forms that embed an IPv4 address are read as that. */
    static final List<Cidr> REFUSED = List.of(
            // IPv4: "this network" and unspecified, private, shared (CGNAT), loopback, link-local (cloud metadata),
            // IETF protocol assignments, documentation, benchmarking, multicast, reserved and broadcast.
            Cidr.of("0.0.0.0", 8), Cidr.of("10.0.0.0", 8), Cidr.of("100.64.0.0", 10), Cidr.of("127.0.0.0", 8),
            Cidr.of("169.254.0.0", 16), Cidr.of("172.16.0.0", 12), Cidr.of("192.0.0.0", 24), Cidr.of("192.0.2.0", 24),
            Cidr.of("192.88.99.0", 24), Cidr.of("192.168.0.0", 16), Cidr.of("198.18.0.0", 15),
            Cidr.of("198.51.100.0", 24), Cidr.of("203.0.113.0", 24), Cidr.of("224.0.0.0", 4), Cidr.of("240.0.0.0", 4),
            // IPv6: unspecified, loopback, discard, documentation, unique-local, link-local, site-local, multicast.
            Cidr.of("::", 128), Cidr.of("::1", 128), Cidr.of("100::", 64), Cidr.of("2001:db8::", 32),
            Cidr.of("fc00::", 7), Cidr.of("fe80::", 10), Cidr.of("fec0::", 10), Cidr.of("ff00::", 8));

    public enum Verdict {
        PERMITTED, REFUSED_RANGE, OWN_ENDPOINT, DENIED
    }

    private final List<Cidr> allow;
    private final List<Cidr> deny;

    public EgressRules(List<Cidr> allow, List<Cidr> deny) {
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
    }

    /**
     * The verdict for connecting to {@code address} on {@code port}, given the platform's own endpoints (its database
     * and services, resolved).
     */
    public Verdict decide(InetAddress address, int port, List<Endpoint> own) {
        InetAddress effective = embeddedIpv4(address).orElse(address);
        for (Endpoint endpoint : own) {
            if (endpoint.matches(address, port) || endpoint.matches(effective, port)) {
                return Verdict.OWN_ENDPOINT;
            }
        }
        if (matches(deny, address, effective, port)) {
            return Verdict.DENIED;
        }
        if (matches(allow, address, effective, port)) {
            return Verdict.PERMITTED;
        }
        if (isRefusedRange(address) || isRefusedRange(effective) || effective.isAnyLocalAddress()
                || effective.isLoopbackAddress() || effective.isLinkLocalAddress() || effective.isSiteLocalAddress()
                || effective.isMulticastAddress()) {
            return Verdict.REFUSED_RANGE;
        }
        return Verdict.PERMITTED;
    }

    /** An address and port of the platform itself; a null address stands for every address of this host. */
    public record Endpoint(InetAddress address, int port) {

        boolean matches(InetAddress candidate, int candidatePort) {
            if (port != candidatePort) {
                return false;
            }
            if (address == null) {
                return candidate.isLoopbackAddress() || candidate.isAnyLocalAddress() || isOwnInterface(candidate);
            }
            return Arrays.equals(address.getAddress(), candidate.getAddress())
                    || address.isAnyLocalAddress() && (candidate.isLoopbackAddress() || isOwnInterface(candidate));
        }

        private static boolean isOwnInterface(InetAddress candidate) {
            try {
                return NetworkInterface.getByInetAddress(candidate) != null;
            } catch (SocketException e) {
                return false;
            }
        }
    }

    private static boolean matches(List<Cidr> blocks, InetAddress address, InetAddress effective, int port) {
        for (Cidr block : blocks) {
            if (block.contains(address, port) || block.contains(effective, port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRefusedRange(InetAddress address) {
        for (Cidr block : REFUSED) {
            if (block.contains(address, 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The IPv4 address an IPv6 address carries: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
     * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) and 6to4 ({@code 2002:aabb:ccdd::}).
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        byte[] v4 = null;
        if (allZero(bytes, 0, 10) && (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff
                || bytes[10] == 0 && bytes[11] == 0 && !allZero(bytes, 12, 16))) {
            v4 = Arrays.copyOfRange(bytes, 12, 16);
        } else if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b
                && allZero(bytes, 4, 12)) {
            v4 = Arrays.copyOfRange(bytes, 12, 16);
        } else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            v4 = Arrays.copyOfRange(bytes, 2, 6);
        }
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

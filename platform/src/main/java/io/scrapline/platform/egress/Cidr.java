package io.scrapline.platform.egress;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of addresses, optionally limited to one port: {@code 10.0.0.0/8}, {@code 127.0.0.2/32:5432},
 * {@code [fd00::/8]:443}, {@code ::1/128}. An address without a prefix length is a block of one.
 */
public record Cidr(byte[] network, int prefix, Integer port) {

    /** Any port. */
    public static Cidr of(String address, int prefix) {
        return new Cidr(literal(address).getAddress(), prefix, null);
    }

    public static Cidr parse(String text) {
        String spec = text.strip();
        Integer port = null;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("not a CIDR block: " + text);
            }
            String rest = spec.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("not a CIDR block: " + text);
                }
                port = port(rest.substring(1), text);
            }
            spec = spec.substring(1, close);
        } else if (spec.indexOf(':') >= 0 && spec.indexOf(':') == spec.lastIndexOf(':')) {
            // One colon: an IPv4 block and a port. IPv6 blocks with a port are written in brackets.
            port = port(spec.substring(spec.indexOf(':') + 1), text);
            spec = spec.substring(0, spec.indexOf(':'));
        }
        int slash = spec.indexOf('/');
        InetAddress address = literal(slash < 0 ? spec : spec.substring(0, slash));
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(spec.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: " + text);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("not a CIDR block: " + text);
        }
        return new Cidr(address.getAddress(), prefix, port);
    }

    /** Whether the block holds {@code address} and, if it names a port, {@code port}. */
    public boolean contains(InetAddress address, int port) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length || this.port != null && this.port != port) {
            return false;
        }
        int bits = network.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    @Override
    public String toString() {
        try {
            String block = InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            return port == null ? block : (network.length == 4 ? block : "[" + block + "]") + ":" + port;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && toString().equals(cidr.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private static Integer port(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("not a port in " + whole + ": " + text);
    }

    /** An IP address literal; never a name lookup. */
    private static InetAddress literal(String text) {
        InetAddress address = HostLiteral.parse(text);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        return address;
    }
}

package io.scrapline.platform.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Reads a host that is an IP address in any of the forms that resolvers and HTTP clients accept, so that no form slips
 * past the policy as a "name": dotted quads, IPv6 (bracketed or not), and the inet_aton forms {@code 2130706433},
 * {@code 127.1}, {@code 0x7f.1}, {@code 0177.0.0.1}.
 */
public final class HostLiteral {

    private static final Pattern NUMERIC = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

    private HostLiteral() {
    }

    /**
     * The address {@code host} spells, or null when it is a name to look up.
     *
     * @throws IllegalArgumentException
     *             when it looks like an address but is none (e.g. {@code 999.1.1.1}, {@code 1::2::3})
     */
    public static InetAddress parse(String host) {
        String text = host.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.indexOf(':') >= 0) {
            if (!text.matches("[0-9A-Fa-f:.]+")) {
                // A zone id (fe80::1%eth0) or anything else that is no plain IPv6 literal.
                throw new IllegalArgumentException("not an IP address: " + host);
            }
            try {
                // A text with a colon is parsed as an IPv6 literal, never looked up.
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + host);
            }
        }
        if (!NUMERIC.matcher(text).matches()) {
            return null;
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String[] parts = text.split("\\.");
        if (parts.length > 4) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], host);
        }
        // inet_aton: the last part fills the bytes the earlier parts leave.
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new IllegalArgumentException("not an IP address: " + host);
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
        address |= last;
        byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(String part, String host) {
        try {
            if (part.length() > 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
                return part.length() > 10 ? Long.MAX_VALUE : Long.parseLong(part.substring(2), 16);
            }
            if (part.equalsIgnoreCase("0x")) {
                return 0;
            }
            if (part.length() > 12) {
                return Long.MAX_VALUE;
            }
            return part.length() > 1 && part.startsWith("0") ? Long.parseLong(part.substring(1), 8)
                    : Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
    }
}

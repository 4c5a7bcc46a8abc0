package dev.vigil.core.engine;

import java.util.Locale;

/**
 * An IPv4 or IPv6 network in CIDR notation, and the test whether an address text lies inside it. Parses
 * address literals itself: no name is ever resolved, whatever an event contains.
 */
public final class IpNetwork {

    private final byte[] network;
    private final int prefix;

    private IpNetwork(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses {@code a.b.c.d/n} or {@code v6::/n}; a bare address is a single-host network. */
    public static IpNetwork parse(String cidr) {
        String s = cidr.trim();
        int slash = s.indexOf('/');
        byte[] addr = address(slash < 0 ? s : s.substring(0, slash));
        if (addr == null) {
            throw new IllegalArgumentException("not an IP network: '" + cidr + "'");
        }
        int bits = addr.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + cidr + "'");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range in '" + cidr + "'");
            }
        }
        return new IpNetwork(addr, prefix);
    }

    public boolean contains(String addressText) {
        byte[] a = address(addressText);
        if (a == null || a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null when the text is not one. */
    static byte[] address(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int pct = s.indexOf('%');
        if (pct >= 0) {
            s = s.substring(0, pct);
        }
        return s.indexOf(':') >= 0 ? v6(s.toLowerCase(Locale.ROOT)) : v4(s);
    }

    private static byte[] v4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] v6(String s) {
        byte[] tail4 = null;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.') > lastColon) {
            tail4 = v4(s.substring(lastColon + 1));
            if (tail4 == null) {
                return null;
            }
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String[] head = dbl >= 0 ? groups(s.substring(0, dbl)) : groups(s);
        String[] tail = dbl >= 0 ? groups(s.substring(dbl + 2)) : new String[0];
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if ((dbl < 0 && total != 8) || (dbl >= 0 && total > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            if (!put(out, i, head[i])) {
                return null;
            }
        }
        for (int i = 0; i < tail.length; i++) {
            if (!put(out, 8 - tail.length + i, tail[i])) {
                return null;
            }
        }
        if (tail4 != null) {
            System.arraycopy(tail4, 0, out, 12, 4);
        }
        return out;
    }

    private static String[] groups(String s) {
        if (s.isEmpty()) {
            return new String[0];
        }
        String[] g = s.split(":", -1);
        for (String x : g) {
            if (x.isEmpty() || x.length() > 4) {
                return null;
            }
        }
        return g;
    }

    private static boolean put(byte[] out, int group, String hex) {
        int v = 0;
        for (int i = 0; i < hex.length(); i++) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0) {
                return false;
            }
            v = v * 16 + d;
        }
        out[group * 2] = (byte) (v >> 8);
        out[group * 2 + 1] = (byte) v;
        return true;
    }
}

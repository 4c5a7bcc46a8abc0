package dev.vigil.core.engine;

import java.util.Locale;

/**
 * An IPv4 or IPv6 network in CIDR notation, and the test whether an address text lies inside it. Parses
 * address literals itself: no name is ever resolved, whatever an event contains.
 */
public final class IpNetwork {

    private final byte[] network;
    private final int prefix;
    /** For an IPv4 network: its address and prefix mask as ints, tested without parsing into bytes. */
    private final int network4;
    private final int mask4;

    private IpNetwork(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
        boolean v4 = network.length == 4;
        this.mask4 = !v4 || prefix == 0 ? 0 : -1 << (32 - prefix);
        this.network4 = v4 ? bits(network) & mask4 : 0;
    }

    private static int bits(byte[] v4) {
        return (v4[0] & 0xff) << 24 | (v4[1] & 0xff) << 16 | (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
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

    /**
     * True when the text is an address inside this network. A plain dotted IPv4 address, what events hold
     * most, is read straight into an int: a rule's list of networks tests each event's address against
     * each, and this runs per event.
     */
    public boolean contains(String addressText) {
        if (network.length == 4 && addressText != null) {
            long v = v4Bits(addressText);
            if (v >= 0) {
                return ((int) v & mask4) == network4;
            }
        }
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
        long v = v4Bits(s);
        if (v < 0) {
            return null;
        }
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /**
     * The 32 bits of {@code s} when it is exactly four dot-separated groups of one to three decimal digits,
     * each at most 255 (leading zeros allowed); else -1.
     */
    static long v4Bits(String s) {
        int n = s.length();
        long bits = 0;
        int groups = 0;
        int i = 0;
        while (true) {
            int start = i;
            int v = 0;
            while (i < n && i - start < 4) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || v > 255) {
                return -1;
            }
            bits = bits << 8 | v;
            if (++groups == 4) {
                return i == n ? bits : -1;
            }
            if (i >= n || s.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
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

    static String[] groups(String s) {
        if (s.isEmpty()) {
            return new String[0];
        }
        // At most eight groups of one to four characters; read by hand, as v4Bits reads dotted quads.
        String[] g = new String[8];
        int count = 0;
        int from = 0;
        while (true) {
            int colon = s.indexOf(':', from);
            int end = colon < 0 ? s.length() : colon;
            if (end == from || end - from > 4 || count == g.length) {
                return null;
            }
            g[count++] = s.substring(from, end);
            if (colon < 0) {
                return java.util.Arrays.copyOf(g, count);
            }
            from = colon + 1;
        }
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

package dev.vigil.core.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpNetworkTest {

    @Test
    void ipv4PrefixContainment() {
        IpNetwork n = IpNetwork.parse("10.0.0.0/8");
        assertThat(n.contains("10.20.7.41")).isTrue();
        assertThat(n.contains("11.0.0.1")).isFalse();
        assertThat(IpNetwork.parse("192.168.1.128/25").contains("192.168.1.200")).isTrue();
        assertThat(IpNetwork.parse("192.168.1.128/25").contains("192.168.1.100")).isFalse();
    }

    @Test
    void ipv6PrefixContainment() {
        assertThat(IpNetwork.parse("fe80::/10").contains("fe80::ed68:469f:c3ea:ab43")).isTrue();
        assertThat(IpNetwork.parse("fe80::/10").contains("2001:db8::1")).isFalse();
        assertThat(IpNetwork.parse("::ffff:0:0/96").contains("::ffff:10.0.0.1")).isTrue();
    }

    @Test
    void namesAndGarbageAreNotAddresses() {
        IpNetwork n = IpNetwork.parse("0.0.0.0/0");
        assertThat(n.contains("localhost")).isFalse();
        assertThat(n.contains("10.0.0")).isFalse();
        assertThat(n.contains("256.1.1.1")).isFalse();
        assertThat(n.contains("")).isFalse();
    }

    @Test
    void dottedQuadsAreReadAsTheGroupsBetweenDots() {
        java.util.Random random = new java.util.Random(11);
        char[] alphabet = {'0', '1', '2', '5', '9', '.', '.', ':', 'a', ' '};
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = b.toString();
            assertThat(IpNetwork.v4Bits(s)).as(s).isEqualTo(dottedQuad(s));
        }
    }

    @Test
    void ipv6GroupsAreTheTextBetweenColons() {
        java.util.Random random = new java.util.Random(13);
        char[] alphabet = {'0', 'a', 'f', ':', ':', '1'};
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = b.toString();
            String[] expected = s.isEmpty() ? new String[0] : s.split(":", -1);
            boolean valid = java.util.Arrays.stream(expected).allMatch(g -> !g.isEmpty() && g.length() <= 4) && expected.length <= 8;
            String[] got = IpNetwork.groups(s);
            if (valid) {
                assertThat(got).as(s).containsExactly(expected);
            } else {
                assertThat(got).as(s).isNull();
            }
        }
    }

    @Test
    void anAddressWithSpacesOrAZoneIsStillRead() {
        assertThat(IpNetwork.parse("10.0.0.0/8").contains(" 10.1.2.3 ")).isTrue();
        assertThat(IpNetwork.parse("fe80::/10").contains("fe80::1%12")).isTrue();
        assertThat(IpNetwork.parse("10.0.0.0/8").contains("fe80::1")).isFalse();
        assertThat(IpNetwork.parse("::/0").contains("10.1.2.3")).isFalse();
    }

    /** Four groups of one to three digits, each at most 255, read by splitting at the dots. */
    private static long dottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long bits = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return -1;
            }
            bits = bits << 8 | Integer.parseInt(p);
        }
        return bits;
    }

    @Test
    void badNetworksAreRejected() {
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpNetwork.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
    }
}

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
    void badNetworksAreRejected() {
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpNetwork.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
    }
}

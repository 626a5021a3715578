package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ForwardedClientsTest {
    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 40000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.9", 40000);

    private final ForwardedClients clients = new ForwardedClients(List.of("10.0.0.0/8", "fd00::/8"));

    @Nested
    class FromAnUntrustedPeer {
        @Test
        void ignoresForwardingHeadersAClientCouldHaveWritten() {
            assertThat(clients.clientOf(STRANGER, List.of("for=1.2.3.4"), List.of())).isEqualTo("198.51.100.9");
            assertThat(clients.clientOf(STRANGER, List.of(), List.of("1.2.3.4"))).isEqualTo("198.51.100.9");
        }

        @Test
        void trustsNoOneWithoutConfiguredProxies() {
            assertThat(new ForwardedClients(List.of()).clientOf(PROXY, List.of(), List.of("1.2.3.4")))
                    .isEqualTo("10.0.0.5");
        }
    }

    @Nested
    class FromATrustedProxy {
        @Test
        void takesTheRightmostUntrustedHopOfXForwardedFor() {
            assertThat(clients.clientOf(PROXY, List.of(), List.of("6.6.6.6, 203.0.113.7", "10.1.1.1")))
                    .isEqualTo("203.0.113.7");
        }

        @Test
        void prefersForwardedAndReadsQuotedBracketedAddressesWithPorts() {
            assertThat(clients.clientOf(PROXY, List.of("for=6.6.6.6, for=\"[2001:db8::7]:4711\";proto=https"),
                    List.of("5.5.5.5"))).isEqualTo("2001:db8:0:0:0:0:0:7");
            assertThat(clients.clientOf(PROXY, List.of("For=203.0.113.7:8080"), List.of())).isEqualTo("203.0.113.7");
        }

        @Test
        void stopsAtTheLastTrustedProxyWhenAHopIsNoAddress() {
            assertThat(clients.clientOf(PROXY, List.of("for=6.6.6.6, for=unknown, for=10.2.2.2"), List.of()))
                    .isEqualTo("10.2.2.2");
            assertThat(clients.clientOf(PROXY, List.of(), List.of("not-an-address"))).isEqualTo("10.0.0.5");
        }

        @Test
        void neverLooksUpAName() {
            assertThat(clients.clientOf(PROXY, List.of(), List.of("localhost"))).isEqualTo("10.0.0.5");
            assertThat(clients.clientOf(PROXY, List.of(), List.of("1.2.3"))).isEqualTo("10.0.0.5");
        }
    }

    @Test
    void refusesBlocksThatAreNoAddressBlocks() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ForwardedClients(List.of("proxy.example")));
        assertThatIllegalArgumentException().isThrownBy(() -> new ForwardedClients(List.of("10.0.0.0/33")));
    }
}

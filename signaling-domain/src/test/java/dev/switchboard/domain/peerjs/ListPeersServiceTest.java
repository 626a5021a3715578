package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ListPeersServiceTest {

    @Nested
    class WithDiscoveryOff {
        private final TestPeerJs peerJs = new TestPeerJs();

        @Test
        void refusesToListAsThePeerServerDoesByDefault() {
            peerJs.connect("alice");

            assertRefused(ErrorCode.PEER_DISCOVERY_DISABLED, () -> peerJs.useCases.listPeers().list(KEY));
        }

        @Test
        void refusesAnUnknownKeyFirst() {
            assertRefused(ErrorCode.PEER_KEY_INVALID, () -> peerJs.useCases.listPeers().list("unknown"));
        }
    }

    @Nested
    class WithDiscoveryOn {
        private final TestPeerJs peerJs = new TestPeerJs(TestPeerJs.policy(5000, true, 256, 100_000));

        @Test
        void listsTheLiveIdsOfTheRealmAskedOnly() {
            peerJs.connect("carol");
            peerJs.connect("alice");
            peerJs.connect(OTHER_KEY, "bob", "token-of-bob");

            assertThat(peerJs.useCases.listPeers().list(KEY)).containsExactly(new PeerId("alice"), new PeerId("carol"));
            assertThat(peerJs.useCases.listPeers().list(OTHER_KEY)).containsExactly(new PeerId("bob"));
        }

        @Test
        void leavesOutSilentAndDisconnectedPeers() {
            PeerSession alice = peerJs.connect("alice");
            PeerSession bob = peerJs.connect("bob");
            peerJs.connect("carol");
            peerJs.passTime(peerJs.policy.aliveTimeout().plusMillis(1));
            peerJs.useCases.keepPeerAlive().keepAlive(alice);
            peerJs.useCases.keepPeerAlive().keepAlive(bob);
            peerJs.useCases.disconnectPeer().disconnect(bob);

            assertThat(peerJs.useCases.listPeers().list(KEY)).containsExactly(new PeerId("alice"));
        }

        @Test
        void stillRefusesAnUnknownKey() {
            assertRefused(ErrorCode.PEER_KEY_INVALID, () -> peerJs.useCases.listPeers().list("unknown"));
        }
    }
}

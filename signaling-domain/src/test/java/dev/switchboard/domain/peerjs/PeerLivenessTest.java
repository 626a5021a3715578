package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.DisconnectPeer;
import dev.switchboard.ports.driving.KeepPeerAlive;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keeping a socket's id alive, losing it to silence, and giving it up on close. */
class PeerLivenessTest {
    private final TestPeerJs peerJs = new TestPeerJs();
    private final KeepPeerAlive keepAlive = peerJs.useCases.keepPeerAlive();
    private final DisconnectPeer disconnect = peerJs.useCases.disconnectPeer();
    private final PeerSession alice = peerJs.connect("alice");

    @Test
    void marksTheSocketSeenNow() {
        peerJs.passTime(Duration.ofSeconds(30));

        assertThat(keepAlive.keepAlive(alice)).isTrue();

        assertThat(peerJs.storage.peers().holder(alice.peer()).orElseThrow().lastSeenAt())
                .isEqualTo(peerJs.clock.instant());
    }

    @Test
    void losesTheIdToAnotherTokenOnlyAfterStayingSilentForTheAliveTimeout() {
        peerJs.passTime(peerJs.policy.aliveTimeout());
        assertRefused(ErrorCode.PEER_ID_TAKEN, () -> peerJs.connect(KEY, "alice", "squatter"));

        peerJs.passTime(Duration.ofMillis(1));
        PeerSession squatter = peerJs.connect(KEY, "alice", "squatter").session();

        assertThat(keepAlive.keepAlive(alice)).isFalse();
        assertThat(keepAlive.keepAlive(squatter)).isTrue();
    }

    @Test
    void keepsTheIdWhileKeptAliveLongPastTheAliveTimeout() {
        for (int i = 0; i < 5; i++) {
            peerJs.passTime(peerJs.policy.aliveTimeout().minusSeconds(1));
            assertThat(keepAlive.keepAlive(alice)).isTrue();
        }

        assertThat(peerJs.storage.peers().holder(alice.peer()).orElseThrow().connectionId())
                .isEqualTo(alice.connectionId());
    }

    @Test
    void tellsASupersededSocketThatItLostTheId() {
        peerJs.connect(KEY, "alice", tokenOf("alice"));

        assertThat(keepAlive.keepAlive(alice)).isFalse();
    }

    @Test
    void releasesTheIdOnDisconnectSoAnotherTokenMayTakeIt() {
        disconnect.disconnect(alice);

        assertThat(peerJs.storage.peers().holder(alice.peer())).isEmpty();
        assertThat(keepAlive.keepAlive(alice)).isFalse();
        assertThat(peerJs.connect(KEY, "alice", "someone-else").session().peer()).isEqualTo(alice.peer());
    }

    @Test
    void leavesTheSuccessorInPlaceWhenASupersededSocketDisconnects() {
        PeerSession fresh = peerJs.connect(KEY, "alice", tokenOf("alice")).session();

        disconnect.disconnect(alice);

        assertThat(keepAlive.keepAlive(fresh)).isTrue();
    }

    @Test
    void keepsQueuedMessagesForTheNextSocketAfterADisconnect() {
        PeerSession bob = peerJs.connect("bob");
        peerJs.relay(bob, PeerMessageType.OFFER, "alice");

        disconnect.disconnect(alice);

        assertThat(peerJs.receive(peerJs.connect("alice"))).hasSize(1);
    }
}

package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.domain.PredictableEntropy;
import dev.switchboard.domain.RiggedEntropy;
import dev.switchboard.domain.SignalingCore;
import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.testing.SettableClock;
import dev.switchboard.ports.testing.WakeCounter;
import org.junit.jupiter.api.Test;

/** Two servers over one store, as two instances over one PostgreSQL database: peers reach each other. */
class PeerJsAcrossInstancesTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final SettableClock clock = SettableClock.atFixedStart();
    private final PeerJsPolicy policy = TestPeerJs.policy(5000, true, 256, 100_000);
    private final PeerJsUseCases east = instance(new PredictableEntropy());
    private final PeerJsUseCases west = instance(new RiggedEntropy());

    private PeerJsUseCases instance(Entropy entropy) {
        TestCore rules = new TestCore();
        return SignalingCore.builder(storage, clock, entropy, rules.policy, rules.pairingPolicy)
                .peerJs(policy)
                .build()
                .peerJs();
    }

    private static ConnectPeer.Connected connect(PeerJsUseCases instance, String id, String token) {
        return instance.connectPeer().connect(new ConnectPeer.Request(KEY, new PeerId(id), token, TestPeerJs.ADDRESS));
    }

    @Test
    void relaysBetweenPeersOnDifferentInstancesAndWakesTheRecipientThere() {
        PeerSession alice = connect(east, "alice", tokenOf("alice")).session();
        PeerSession bob = connect(west, "bob", tokenOf("bob")).session();
        WakeCounter bobSocket = new WakeCounter();
        west.receivePeerMessages().watch(bob, bobSocket);

        east.relayPeerMessage().relay(alice, PeerMessageType.OFFER, new PeerId("bob"), TestPeerJs.PAYLOAD);

        assertThat(bobSocket.count()).isOne();
        assertThat(west.receivePeerMessages().receive(bob, 0, 10)).extracting(PeerMessage::src)
                .containsExactly(new PeerId("alice"));
    }

    @Test
    void supersedesASocketOnAnotherInstanceAndWakesItThere() {
        PeerSession old = connect(east, "alice", tokenOf("alice")).session();
        WakeCounter oldSocket = new WakeCounter();
        east.receivePeerMessages().watch(old, oldSocket);

        ConnectPeer.Connected fresh = connect(west, "alice", tokenOf("alice"));

        assertThat(fresh.supersededConnectionId()).contains(old.connectionId());
        assertThat(oldSocket.count()).isOne();
        assertThat(east.keepPeerAlive().keepAlive(old)).isFalse();
        assertRefused(ErrorCode.PEER_SUPERSEDED, () -> east.receivePeerMessages().receive(old, 0, 10));
    }

    @Test
    void refusesAnIdHeldOnAnotherInstanceWithAnotherToken() {
        connect(east, "alice", tokenOf("alice"));

        assertRefused(ErrorCode.PEER_ID_TAKEN, () -> connect(west, "alice", "another-token"));
    }

    @Test
    void expiresOnOneInstanceWhatWasQueuedOnTheOther() {
        PeerSession alice = connect(east, "alice", tokenOf("alice")).session();
        east.relayPeerMessage().relay(alice, PeerMessageType.OFFER, new PeerId("bob"), TestPeerJs.PAYLOAD);
        clock.advance(policy.expireTimeout().plusMillis(1));

        assertThat(west.expirePeerMessages().expire()).isOne();
        assertThat(east.expirePeerMessages().expire()).isZero();

        assertThat(east.receivePeerMessages().receive(alice, 0, 10)).extracting(PeerMessage::type)
                .containsExactly(PeerMessageType.EXPIRE);
    }

    @Test
    void listsThePeersOfEveryInstance() {
        connect(east, "alice", tokenOf("alice"));
        connect(west, "bob", tokenOf("bob"));

        assertThat(east.listPeers().list(KEY)).containsExactly(new PeerId("alice"), new PeerId("bob"));
    }
}

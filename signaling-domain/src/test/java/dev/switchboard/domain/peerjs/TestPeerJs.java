package dev.switchboard.domain.peerjs;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.domain.PredictableEntropy;
import dev.switchboard.domain.RiggedEntropy;
import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.testing.SettableClock;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The PeerJS use cases over the real in-memory stores and a settable clock, with the one-line steps PeerJS
 * tests share. {@link #anotherInstance()} is a second server over the same stores, as two instances over one
 * PostgreSQL database are.
 */
final class TestPeerJs {
    static final String KEY = "peerjs";
    static final String OTHER_KEY = "other-app";
    static final String ADDRESS = "203.0.113.7";
    static final String PAYLOAD = "{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"},\"connectionId\":\"dc_1\"}";

    final SettableClock clock;
    final InMemoryStorage storage;
    final PeerJsPolicy policy;
    final PeerJsUseCases useCases;

    TestPeerJs() {
        this(policy(5000, false, 256, 100_000));
    }

    TestPeerJs(PeerJsPolicy policy) {
        this(new InMemoryStorage(), SettableClock.atFixedStart(), new PredictableEntropy(), policy);
    }

    TestPeerJs(InMemoryStorage storage, SettableClock clock, Entropy entropy, PeerJsPolicy policy) {
        this.storage = storage;
        this.clock = clock;
        this.policy = policy;
        this.useCases = PeerJsServices.create(storage.peers(), storage.events(), clock, entropy,
                TestCore.SIGNING_KEY, policy);
    }

    /** Two realms, the default timeouts (5 s expiry, 60 s alive) and the given bounds. */
    static PeerJsPolicy policy(int concurrentLimit, boolean allowDiscovery, int maxQueuedPerPeer,
            long maxQueuedTotal) {
        PeerJsPolicy d = PeerJsPolicy.defaults();
        return new PeerJsPolicy(Set.of(KEY, OTHER_KEY), d.expireTimeout(), d.aliveTimeout(), concurrentLimit,
                allowDiscovery, maxQueuedPerPeer, maxQueuedTotal, d.maxPayloadChars());
    }

    /** Another server over the same stores and clock, with randomness of its own (another seed). */
    TestPeerJs anotherInstance() {
        return new TestPeerJs(storage, clock, new RiggedEntropy(), policy);
    }

    static PeerAddress address(String id) {
        return new PeerAddress(KEY, new PeerId(id));
    }

    PeerSession connect(String id) {
        return connect(KEY, id, tokenOf(id)).session();
    }

    ConnectPeer.Connected connect(String key, String id, String token) {
        return useCases.connectPeer().connect(new ConnectPeer.Request(key, new PeerId(id), token, ADDRESS));
    }

    static String tokenOf(String id) {
        return "token-of-" + id;
    }

    void relay(PeerSession from, PeerMessageType type, String dst) {
        relay(from, type, dst, PAYLOAD);
    }

    void relay(PeerSession from, PeerMessageType type, String dst, String payload) {
        useCases.relayPeerMessage().relay(from, type, new PeerId(dst), payload);
    }

    /** What waits for the session's peer, as its socket would receive it. */
    List<PeerMessage> receive(PeerSession session) {
        return useCases.receivePeerMessages().receive(session, 0, 500);
    }

    /** What waits in {@code peer}'s queue, whoever holds its id. */
    List<PeerMessage> queueOf(PeerAddress peer) {
        return storage.peers().queued(peer, 0, Integer.MAX_VALUE);
    }

    WakeCounter watch(PeerSession session) {
        WakeCounter counter = new WakeCounter();
        useCases.receivePeerMessages().watch(session, counter);
        return counter;
    }

    void passTime(Duration duration) {
        clock.advance(duration);
    }
}

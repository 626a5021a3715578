package dev.switchboard.domain.peerjs;

import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.PeerJsUseCases;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the PeerJS use cases (connect, relay, receive, liveness, ids, discovery, expiry, tokens), so that
 * {@link dev.switchboard.domain.SignalingCore} can assemble them. Starts nothing and touches no store.
 */
public final class PeerJsServices {

    private PeerJsServices() {}

    /**
     * Every PeerJS use case; {@code clock} is read to the millisecond, the precision stores keep, and PeerJS tokens
     * are signed with {@code signingKey}.
     */
    public static PeerJsUseCases create(PeerStore peers, EventPublisher events, InstantSource clock, Entropy entropy,
            ServerSigningKey signingKey, PeerJsPolicy policy) {
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(entropy, "entropy");
        Objects.requireNonNull(policy, "policy");
        InstantSource millis = new MillisecondClock(Objects.requireNonNull(clock, "clock"));
        Realms realms = new Realms(policy.keys());
        PeerIds ids = new PeerIds(entropy);
        PeerWakeups wakeups = new PeerWakeups(events);
        Liveness liveness = new Liveness(peers, policy.aliveTimeout());
        PeerTokens tokens = new PeerTokens(signingKey);
        return new PeerJsUseCases(
                new ConnectPeerService(peers, realms, ids, wakeups, liveness, millis, policy.concurrentLimit(),
                        policy.requiresTokens() ? Optional.of(tokens) : Optional.empty()),
                new RelayPeerMessageService(peers, liveness, wakeups, millis, policy),
                new ReceivePeerMessagesService(peers, liveness, events),
                new KeepPeerAliveService(peers, millis),
                new DisconnectPeerService(peers),
                new GeneratePeerIdService(peers, realms, ids, policy.requiresTokens()),
                new ListPeersService(peers, realms, liveness, millis, policy.allowDiscovery()),
                new ExpirePeerMessagesService(peers, liveness, wakeups, millis, policy),
                new IssuePeerTokenService(tokens, millis, policy.tokenLifetime()));
    }
}

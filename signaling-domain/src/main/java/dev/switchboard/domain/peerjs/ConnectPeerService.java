package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driven.PeerStore.Claim;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerSession;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Gives a new socket its peer id. The store decides the races (two sockets claiming one id, the realm's
 * last free place); a live holder with the same token is superseded and woken, wherever its socket is, so its
 * transport sees that it lost the id and closes it. Where tokens are required, only a socket with a genuine,
 * unexpired PeerJS token for the id gets this far, so an id is only ever claimed by the identity that owns it.
 */
final class ConnectPeerService implements ConnectPeer {
    static final int MAX_TOKEN_LENGTH = 128;

    private final PeerStore peers;
    private final Realms realms;
    private final PeerIds ids;
    private final PeerWakeups wakeups;
    private final Liveness liveness;
    private final InstantSource clock;
    private final int concurrentLimit;
    private final Optional<PeerTokens> requiredTokens;

    /** @param requiredTokens the tokens a socket must present for its id; empty when any free id may be taken */
    ConnectPeerService(PeerStore peers, Realms realms, PeerIds ids, PeerWakeups wakeups, Liveness liveness,
            InstantSource clock, int concurrentLimit, Optional<PeerTokens> requiredTokens) {
        this.peers = peers;
        this.realms = realms;
        this.ids = ids;
        this.wakeups = wakeups;
        this.liveness = liveness;
        this.clock = clock;
        this.concurrentLimit = concurrentLimit;
        this.requiredTokens = requiredTokens;
    }

    @Override
    public Connected connect(Request request) {
        realms.requireServed(request.key());
        Instant now = clock.instant();
        requiredTokens.ifPresent(tokens -> tokens.verify(request.token(), request.id(), now));
        if (request.token().isBlank() || request.token().length() > MAX_TOKEN_LENGTH) {
            throw SignalingException.invalid("token", "must be 1-" + MAX_TOKEN_LENGTH + " characters, not blank");
        }
        PeerAddress peer = new PeerAddress(request.key(), request.id());
        PeerConnection connection = new PeerConnection(peer, request.token(), ids.nextConnection(),
                request.clientAddress(), now, now);
        Claim claim = peers.claim(connection, liveness.seenAfter(now), concurrentLimit);
        if (claim instanceof Claim.IdTaken) {
            throw PeerErrors.idTaken(peer);
        }
        if (claim instanceof Claim.RealmFull) {
            throw PeerErrors.realmFull(peer.key(), concurrentLimit);
        }
        Optional<PeerConnection> superseded = ((Claim.Claimed) claim).superseded();
        if (superseded.isPresent()) {
            wakeups.wake(peer);
        }
        return new Connected(new PeerSession(peer, connection.connectionId()),
                superseded.map(PeerConnection::connectionId));
    }
}

package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds a peer id and whether that socket is still alive: a connection is live while it was seen within
 * the alive timeout, judged the same way everywhere the rules ask.
 */
final class Liveness {
    private final PeerStore peers;
    private final Duration aliveTimeout;

    Liveness(PeerStore peers, Duration aliveTimeout) {
        this.peers = peers;
        this.aliveTimeout = aliveTimeout;
    }

    /** The instant a live connection was last seen at or after, given the time {@code now}. */
    Instant seenAfter(Instant now) {
        return now.minus(aliveTimeout);
    }

    /** The connection holding {@code peer} if it is live at {@code now}. */
    Optional<PeerConnection> liveHolder(PeerAddress peer, Instant now) {
        Instant seenAfter = seenAfter(now);
        return peers.holder(peer).filter(holder -> !holder.lastSeenAt().isBefore(seenAfter));
    }

    /** Refuses a session whose socket no longer holds its id (a reconnect replaced it, or it was forgotten). */
    void requireHeld(PeerSession session) {
        boolean held = peers.holder(session.peer())
                .map(holder -> holder.connectionId().equals(session.connectionId()))
                .orElse(false);
        if (!held) {
            throw PeerErrors.superseded(session.peer());
        }
    }
}

package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.ReceivePeerMessages;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.model.Subscription;
import java.util.List;
import java.util.Objects;

/**
 * Hands a socket the messages queued for its peer, and deletes those it has written, only while the socket
 * still holds the id: a superseded socket must not take messages meant for its successor.
 */
final class ReceivePeerMessagesService implements ReceivePeerMessages {
    /** The largest page one receive returns. */
    static final int MAX_PAGE_SIZE = 500;

    private final PeerStore peers;
    private final Liveness liveness;
    private final EventPublisher events;

    ReceivePeerMessagesService(PeerStore peers, Liveness liveness, EventPublisher events) {
        this.peers = peers;
        this.liveness = liveness;
        this.events = events;
    }

    @Override
    public List<PeerMessage> receive(PeerSession session, long afterSequence, int limit) {
        if (afterSequence < 0) {
            throw SignalingException.invalid("after", "must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw SignalingException.invalid("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        liveness.requireHeld(session);
        return peers.queued(session.peer(), afterSequence, limit);
    }

    @Override
    public void acknowledge(PeerSession session, long upToSequence) {
        liveness.requireHeld(session);
        peers.acknowledge(session.peer(), upToSequence);
    }

    /**
     * Subscribes before checking the hold, so a reconnect that lands in between still wakes the caller; a
     * session already superseded is refused and its subscription closed.
     */
    @Override
    public Subscription watch(PeerSession session, Runnable onWake) {
        Objects.requireNonNull(onWake, "onWake");
        Subscription subscription = events.subscribe(session.peer().wakeUpKey(), onWake);
        try {
            liveness.requireHeld(session);
        } catch (RuntimeException refused) {
            subscription.close();
            throw refused;
        }
        return subscription;
    }
}

package dev.switchboard.domain.peerjs;

import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.RelayPeerMessage;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Queues a message for its recipient in the sender's realm, with {@code src} set to the sender, and wakes the
 * recipient. Every message goes through the queue, connected recipient or not, so order holds across
 * instances; {@code LEAVE} and {@code EXPIRE} for a recipient with no live socket are dropped, as the
 * {@code peer} server drops them. Sending to oneself is allowed, as PeerJS allows it.
 */
final class RelayPeerMessageService implements RelayPeerMessage {
    private final PeerStore peers;
    private final Liveness liveness;
    private final PeerWakeups wakeups;
    private final InstantSource clock;
    private final PeerJsPolicy policy;

    RelayPeerMessageService(PeerStore peers, Liveness liveness, PeerWakeups wakeups, InstantSource clock,
            PeerJsPolicy policy) {
        this.peers = peers;
        this.liveness = liveness;
        this.wakeups = wakeups;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public void relay(PeerSession from, PeerMessageType type, PeerId dst, String payloadJson) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(payloadJson, "payloadJson");
        liveness.requireHeld(from);
        if (payloadJson.length() > policy.maxPayloadChars()) {
            throw PeerErrors.payloadTooLarge(policy.maxPayloadChars());
        }
        PeerAddress recipient = new PeerAddress(from.peer().key(), dst);
        Instant now = clock.instant();
        if (isNotice(type) && liveness.liveHolder(recipient, now).isEmpty()) {
            return;
        }
        PeerMessage message = new PeerMessage(0, recipient.key(), from.peer().id(), dst, type, payloadJson, now);
        if (peers.enqueue(message, policy.maxQueuedPerPeer(), policy.maxQueuedTotal()).isEmpty()) {
            throw PeerErrors.queueFull(dst);
        }
        wakeups.wake(recipient);
    }

    /** A message about a connection rather than for one; worth nothing to a peer that is not there. */
    static boolean isNotice(PeerMessageType type) {
        return type == PeerMessageType.LEAVE || type == PeerMessageType.EXPIRE;
    }
}

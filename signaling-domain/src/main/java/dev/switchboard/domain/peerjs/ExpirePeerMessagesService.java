package dev.switchboard.domain.peerjs;

import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driving.ExpirePeerMessages;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the messages nobody came for within the expire timeout and tells each live sender once per
 * recipient, as the {@code peer} server does, with an {@code EXPIRE} from the absent peer. The notice goes
 * through the sender's queue like any message, so it reaches the sender's socket on whichever instance holds
 * it. Its payload is {@link #NO_PAYLOAD}: the {@code peer} server's {@code EXPIRE} has none, so a transport
 * writes a {@code null} payload by leaving the field out. Notices about notices are never sent.
 */
final class ExpirePeerMessagesService implements ExpirePeerMessages {
    /** The JSON a message without a payload carries. */
    static final String NO_PAYLOAD = "null";
    static final int BATCH = 500;
    /** Bounds one run's work; what is left waits for the next run, a second later. */
    static final int MAX_BATCHES = 100;

    private final PeerStore peers;
    private final Liveness liveness;
    private final PeerWakeups wakeups;
    private final InstantSource clock;
    private final PeerJsPolicy policy;

    ExpirePeerMessagesService(PeerStore peers, Liveness liveness, PeerWakeups wakeups, InstantSource clock,
            PeerJsPolicy policy) {
        this.peers = peers;
        this.liveness = liveness;
        this.wakeups = wakeups;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public int expire() {
        Instant now = clock.instant();
        Set<Notice> told = new HashSet<>();
        int expired = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<PeerMessage> messages = peers.expireUndelivered(now.minus(policy.expireTimeout()),
                    liveness.seenAfter(now), BATCH);
            Set<PeerAddress> woken = new HashSet<>();
            for (PeerMessage message : messages) {
                if (!RelayPeerMessageService.isNotice(message.type()) && told.add(Notice.of(message))
                        && tellSender(message, now)) {
                    woken.add(message.sender());
                }
            }
            wakeups.wake(woken);
            expired += messages.size();
            if (messages.size() < BATCH) {
                break;
            }
        }
        return expired;
    }

    /** Queues the {@code EXPIRE} for a live sender; a gone sender or a full queue means nobody to tell. */
    private boolean tellSender(PeerMessage message, Instant now) {
        if (liveness.liveHolder(message.sender(), now).isEmpty()) {
            return false;
        }
        PeerMessage notice = new PeerMessage(0, message.key(), message.dst(), message.src(), PeerMessageType.EXPIRE,
                NO_PAYLOAD, now);
        return peers.enqueue(notice, policy.maxQueuedPerPeer(), policy.maxQueuedTotal()).isPresent();
    }

    /** One sender told about one absent recipient. */
    private record Notice(PeerAddress sender, PeerAddress recipient) {
        static Notice of(PeerMessage message) {
            return new Notice(message.sender(), message.recipient());
        }
    }
}

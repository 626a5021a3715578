package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PeerJS directory and queues in memory: ids per realm in {@link PeerDirectory}, messages per recipient in
 * {@link PeerQueues}. Each decision locks one realm or one recipient, never the store; the store-wide message
 * bound is one atomic counter. Expiry asks the directory whether a recipient is live just before emptying its
 * queue, so a peer that connects in between may lose a message already overdue; its sender is told EXPIRE.
 */
final class InMemoryPeerStore implements PeerStore {
    private final PeerDirectory directory = new PeerDirectory();
    private final PeerQueues queues = new PeerQueues();

    @Override
    public Claim claim(PeerConnection connection, Instant seenAfter, int realmLimit) {
        return directory.claim(connection, seenAfter, realmLimit);
    }

    @Override
    public Optional<PeerConnection> holder(PeerAddress peer) {
        return directory.holder(peer);
    }

    @Override
    public boolean touch(PeerAddress peer, String connectionId, Instant now) {
        return directory.touch(peer, connectionId, now);
    }

    @Override
    public boolean release(PeerAddress peer, String connectionId) {
        return directory.release(peer, connectionId);
    }

    @Override
    public Optional<PeerMessage> enqueue(PeerMessage message, int maxPerPeer, long maxTotal) {
        return queues.enqueue(message, maxPerPeer, maxTotal);
    }

    @Override
    public List<PeerMessage> queued(PeerAddress recipient, long afterSequence, int limit) {
        return queues.queued(recipient, afterSequence, limit);
    }

    @Override
    public int acknowledge(PeerAddress recipient, long upToSequence) {
        return queues.acknowledge(recipient, upToSequence);
    }

    @Override
    public List<PeerMessage> expireUndelivered(Instant queuedBefore, Instant seenAfter, int limit) {
        return queues.expire(queuedBefore, recipient -> !directory.isLive(recipient, seenAfter), limit);
    }

    @Override
    public List<String> liveIds(String key, Instant seenAfter, int limit) {
        return directory.liveIds(key, seenAfter, limit);
    }

    @Override
    public int deleteStale(Instant seenBefore) {
        return directory.deleteStale(seenBefore);
    }

    /** What the store holds, empty containers included; for tests that prove nothing outlives its peer. */
    Footprint footprint() {
        return new Footprint(directory.realmCount(), directory.connectionCount(), queues.queueCount(),
                queues.messageCount(), queues.countedMessages());
    }

    /** Counts of realms, connections, recipients' queues, queued messages and the messages the bound counts. */
    record Footprint(int realms, int connections, int queues, int messages, long countedMessages) {
        static final Footprint EMPTY = new Footprint(0, 0, 0, 0, 0);
    }
}

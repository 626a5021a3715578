package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PeerJS directory: which socket holds which peer id, and each peer's queue of messages relayed to it.
 * All decisions are atomic, also across instances sharing the store. A connection is live while it was
 * seen at or after the {@code seenAfter} instant a caller passes; a stale one (its instance died, say) is
 * treated as absent.
 */
public interface PeerStore {

    /**
     * Gives {@code connection}'s peer id to it unless a live connection with another token holds it
     * ({@link Claim.IdTaken}) or, for a new id in the realm, the realm already has {@code realmLimit} live
     * connections ({@link Claim.RealmFull}). A live holder with the same token is superseded
     * ({@link Claim.Claimed#superseded()}); a stale holder is replaced silently.
     */
    Claim claim(PeerConnection connection, Instant seenAfter, int realmLimit);

    /** The connection currently holding {@code peer}, live or stale, if any. */
    Optional<PeerConnection> holder(PeerAddress peer);

    /** Marks {@code connectionId} seen at {@code now}; false when it no longer holds its peer id. */
    boolean touch(PeerAddress peer, String connectionId, Instant now);

    /** Releases the peer id if {@code connectionId} still holds it; returns whether it did. */
    boolean release(PeerAddress peer, String connectionId);

    /**
     * Appends {@code message} (sequence 0) to its recipient's queue unless the recipient already holds
     * {@code maxPerPeer} queued messages or the store {@code maxTotal}. Returns the stored message with its
     * sequence, or empty when refused.
     */
    Optional<PeerMessage> enqueue(PeerMessage message, int maxPerPeer, long maxTotal);

    /** The recipient's queued messages above {@code afterSequence}, oldest first, at most {@code limit}. */
    List<PeerMessage> queued(PeerAddress recipient, long afterSequence, int limit);

    /** Deletes the recipient's queued messages up to {@code upToSequence}; returns how many. */
    int acknowledge(PeerAddress recipient, long upToSequence);

    /**
     * Removes and returns up to {@code limit} messages queued at or before {@code queuedBefore} whose
     * recipient has no live connection (seen after {@code seenAfter}): messages nobody came for in time.
     * Each message is returned by one caller only.
     */
    List<PeerMessage> expireUndelivered(Instant queuedBefore, Instant seenAfter, int limit);

    /** Ids with a live connection in realm {@code key}, in id order, at most {@code limit}. */
    List<String> liveIds(String key, Instant seenAfter, int limit);

    /** Forgets connections last seen before {@code seenBefore}; returns how many. */
    int deleteStale(Instant seenBefore);

    /** The outcome of {@link #claim}. */
    sealed interface Claim {
        /** The id is the connection's; {@code superseded} is the connection it replaced, if one was live. */
        record Claimed(Optional<PeerConnection> superseded) implements Claim {}

        record IdTaken() implements Claim {}

        record RealmFull() implements Claim {}
    }
}

package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Owns the pairing-session aggregate: a session, its members and their mailboxes, and decides the races
 * on them (capacity, live invite codes, mailbox bounds). Membership changes append their
 * {@code peer-joined} / {@code peer-left} / {@code session-closed} messages to the other members' mailboxes
 * in the same atomic step, so no announcement is lost. Mailbox messages get sequence numbers from one
 * monotonic counter of the store; a reader never sees a sequence while a smaller one can still appear.
 */
public interface SessionStore {

    /**
     * Stores a new session (its members already in it) unless a session that is open at {@code now}
     * holds the same invite code. Returns whether it was stored; no live code ever maps to two sessions.
     */
    boolean createIfCodeFree(PairingSession session, Instant now);

    /** The session, open or not, until it is swept. */
    Optional<PairingSession> find(SessionId id);

    /** The session holding {@code code}, if one is open at {@code now}. */
    Optional<PairingSession> findOpenByCode(InviteCode code, Instant now);

    /**
     * Adds {@code member} if the session is open at {@code now}, the member's key holds no membership yet
     * and there is room; extends the session's expiry for the activity
     * ({@link PairingSession#extendedExpiry}); and tells every other member {@code peer-joined}.
     */
    JoinAttempt addMemberIfRoom(SessionId id, Member member, Instant now, Duration extension);

    /**
     * Removes a member, deletes its unacknowledged messages of this session, and tells every remaining
     * member {@code peer-left} with {@code reason}. Returns the session after removal, or empty if the
     * session is gone or the member was not in it.
     */
    Optional<PairingSession> removeMember(SessionId id, MemberId member, LeaveReason reason, Instant now);

    /**
     * Closes an open session: every member is told {@code session-closed}, nothing joins or is delivered
     * afterwards, and the session is kept (for reading) until {@code retainUntil}. Returns the closed session,
     * or empty if it was missing or not open.
     */
    Optional<PairingSession> close(SessionId id, Instant now, Instant retainUntil);

    /**
     * Appends messages (sequence 0, recipients being members) to their recipients' mailboxes, all or
     * none, if the session is open at {@code now} and no recipient would then hold more than
     * {@code maxQueuedPerRecipient} unacknowledged messages. Extends the session's expiry for the activity.
     */
    Delivery deliver(SessionId id, List<SessionMessage> messages, Instant now, Duration extension,
            int maxQueuedPerRecipient);

    /** Unacknowledged messages for {@code recipientKeyId} above {@code afterSequence}, in order, at most {@code limit}. */
    List<SessionMessage> messagesFor(String recipientKeyId, long afterSequence, int limit);

    /** Deletes the recipient's messages with a sequence up to {@code upToSequence}; returns how many. */
    int acknowledge(String recipientKeyId, long upToSequence);

    /** Marks every membership of {@code keyId} seen at {@code now} and extends each open session's expiry. */
    void touch(String keyId, Instant now, Duration extension);

    /** Members of open sessions last seen before {@code seenBefore}, at most {@code limit}. */
    List<SilentMember> silentMembers(Instant seenBefore, Instant now, int limit);

    /** How many sessions open at {@code now} have {@code keyId} as their host. */
    int countOpenSessionsHostedBy(String keyId, Instant now);

    /** Deletes every session expired at {@code now} (open or closed) with its members and mailboxes. */
    int deleteExpired(Instant now);

    /** A member who has not been seen for a while. */
    record SilentMember(SessionId sessionId, MemberId memberId, String keyId, Instant lastSeenAt) {}

    /** The outcome of {@link #addMemberIfRoom}. */
    sealed interface JoinAttempt {
        /** Joined; the session as it now is. */
        record Joined(PairingSession session) implements JoinAttempt {}

        /** The key was already a member; nothing changed. */
        record AlreadyMember(PairingSession session, Member member) implements JoinAttempt {}

        /** No room left. */
        record Full() implements JoinAttempt {}

        /** Missing, closed or expired. */
        record Gone() implements JoinAttempt {}
    }

    /** The outcome of {@link #deliver}. */
    sealed interface Delivery {
        /** Stored, with their sequences, in the order given. */
        record Delivered(List<SessionMessage> messages) implements Delivery {
            public Delivered {
                messages = List.copyOf(messages);
            }
        }

        /** Nothing stored: this recipient's mailbox is full. */
        record MailboxFull(String recipientKeyId) implements Delivery {}

        /** Nothing stored: the session is missing, closed or expired. */
        record Gone() implements Delivery {}
    }
}

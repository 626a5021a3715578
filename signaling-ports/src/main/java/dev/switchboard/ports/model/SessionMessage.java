package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something delivered to one member's mailbox: a relayed signal or a membership change. The store gives
 * each a sequence number from one monotonic counter (0 until it is stored); the recipient acknowledges
 * by sequence, and acknowledged messages are deleted.
 */
public sealed interface SessionMessage {

    long sequence();

    SessionId sessionId();

    /** The key id of the identity whose mailbox holds it. */
    String recipientKeyId();

    Instant at();

    /** The same message with the store-issued sequence. */
    SessionMessage withSequence(long sequence);

    /** A signal from one member to another; {@code from} is always the authenticated sender. */
    record Signal(
            long sequence, SessionId sessionId, String recipientKeyId, MemberId from, MemberId to,
            SignalType type, SignalPayload payload, Instant at) implements SessionMessage {
        public Signal {
            requireValid(sequence, sessionId, recipientKeyId, at);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public Signal withSequence(long newSequence) {
            return new Signal(newSequence, sessionId, recipientKeyId, from, to, type, payload, at);
        }
    }

    /** A member joined or left, or the session closed. */
    record MembershipChange(
            long sequence, SessionId sessionId, String recipientKeyId, Kind kind, MemberId member,
            Optional<LeaveReason> reason, Instant at) implements SessionMessage {
        public MembershipChange {
            requireValid(sequence, sessionId, recipientKeyId, at);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public MembershipChange withSequence(long newSequence) {
            return new MembershipChange(newSequence, sessionId, recipientKeyId, kind, member, reason, at);
        }
    }

    /** What changed in the membership. */
    enum Kind {
        PEER_JOINED, PEER_LEFT, SESSION_CLOSED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Why a member left. */
    enum LeaveReason {
        /** It said so. */
        LEFT,
        /** It was not seen for longer than the presence timeout. */
        TIMED_OUT,
        /** The host closed the session. */
        SESSION_CLOSED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static void requireValid(long sequence, SessionId sessionId, String recipientKeyId, Instant at) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(recipientKeyId, "recipientKeyId");
        Objects.requireNonNull(at, "at");
    }
}

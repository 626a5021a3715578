package dev.switchboard.adapter.memory;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One session as the memory store holds it: its current version, replaced whole under the slot's lock so
 * that readers need none, and whether it has been swept. Every change goes through the aggregate's own
 * transitions below, which callers make while holding the lock.
 */
final class SessionSlot {
    private final ReentrantLock lock = new ReentrantLock();
    private volatile PairingSession current;
    /** Guarded by {@link #lock}. */
    private boolean swept;

    SessionSlot(PairingSession session) {
        this.current = session;
    }

    /** The latest version; needs no lock. */
    PairingSession current() {
        return current;
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    boolean isSwept() {
        return swept;
    }

    void markSwept() {
        swept = true;
    }

    /** Neither swept, closed nor expired at {@code now}. */
    boolean isOpenAt(Instant now) {
        return !swept && current.isOpenAt(now);
    }

    /** Refuses messages to a non-member, or signals from one: either may have left meanwhile. */
    void requireMembers(List<SessionMessage> messages) {
        PairingSession session = current;
        for (SessionMessage message : messages) {
            if (session.memberWithKey(message.recipientKeyId()).isEmpty()) {
                throw new SignalingException(ErrorCode.RECIPIENT_NOT_A_MEMBER, "the recipient is not in the session");
            }
            if (message instanceof SessionMessage.Signal signal && session.member(signal.from()).isEmpty()) {
                throw new SignalingException(ErrorCode.NOT_A_MEMBER, "the sender is not in the session");
            }
        }
    }

    PairingSession join(Member member, Instant now, Duration extension) {
        List<Member> members = new ArrayList<>(current.members());
        members.add(member);
        return replace(current.extendedExpiry(now, extension), current.closedAt(), members);
    }

    PairingSession leave(MemberId leaver) {
        List<Member> members = current.members().stream().filter(member -> !member.id().equals(leaver)).toList();
        return replace(current.expiresAt(), current.closedAt(), members);
    }

    /** Closed at {@code now}, kept until {@code retainUntil} but never past the hard expiry. */
    PairingSession close(Instant now, Instant retainUntil) {
        Instant hardExpiry = current.hardExpiresAt();
        Instant keptUntil = retainUntil.isAfter(hardExpiry) ? hardExpiry : retainUntil;
        return replace(keptUntil, Optional.of(now), current.members());
    }

    /** Pushes the expiry for activity at {@code now}. */
    void extend(Instant now, Duration extension) {
        Instant expiry = current.extendedExpiry(now, extension);
        if (!expiry.equals(current.expiresAt())) {
            replace(expiry, current.closedAt(), current.members());
        }
    }

    /** Marks the key's membership seen at {@code now} and, if the session is still open, pushes the expiry. */
    void seen(String keyId, Instant now, Duration extension) {
        if (current.memberWithKey(keyId).isEmpty()) {
            return; // It left while the caller was on its way here.
        }
        List<Member> members = current.members().stream()
                .map(member -> member.keyId().equals(keyId) ? member.seenAt(now) : member).toList();
        Instant expiry = isOpenAt(now) ? current.extendedExpiry(now, extension) : current.expiresAt();
        if (!members.equals(current.members()) || !expiry.equals(current.expiresAt())) {
            replace(expiry, current.closedAt(), members);
        }
    }

    private PairingSession replace(Instant expiresAt, Optional<Instant> closedAt, List<Member> members) {
        PairingSession was = current;
        current = new PairingSession(was.id(), was.code(), was.capacity(), was.createdAt(), expiresAt,
                was.hardExpiresAt(), closedAt, members);
        return current;
    }
}

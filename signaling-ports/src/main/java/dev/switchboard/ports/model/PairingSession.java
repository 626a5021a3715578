package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pairing session (a room): its invite code, capacity, members and lifetime. The session lives until
 * {@code expiresAt}, which activity pushes forward but never past {@code hardExpiresAt}; a closed
 * session accepts nothing more and is kept only so members can read that it closed.
 */
public record PairingSession(
        SessionId id,
        InviteCode code,
        int capacity,
        Instant createdAt,
        Instant expiresAt,
        Instant hardExpiresAt,
        Optional<Instant> closedAt,
        List<Member> members) {

    public PairingSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(hardExpiresAt, "hardExpiresAt");
        Objects.requireNonNull(closedAt, "closedAt");
        members = List.copyOf(members);
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2");
        }
        if (!expiresAt.isAfter(createdAt) || expiresAt.isAfter(hardExpiresAt)) {
            throw new IllegalArgumentException("expiresAt must lie in (createdAt, hardExpiresAt]");
        }
        if (members.size() > capacity) {
            throw new IllegalArgumentException("more members than capacity");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isClosed() {
        return closedAt.isPresent();
    }

    /** Neither closed nor expired: members may join, send and receive. */
    public boolean isOpenAt(Instant now) {
        return !isClosed() && !isExpiredAt(now);
    }

    public boolean isFull() {
        return members.size() >= capacity;
    }

    // Plain loops: these run on every relayed signal, where a stream per lookup was a visible allocation cost.
    public Optional<Member> memberWithKey(String keyId) {
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.keyId().equals(keyId)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public Optional<Member> member(MemberId memberId) {
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.id().equals(memberId)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Expiry after activity at {@code now}: at least {@code now + extension}, never past the hard limit. */
    public Instant extendedExpiry(Instant now, java.time.Duration extension) {
        Instant wanted = now.plus(extension);
        Instant capped = wanted.isAfter(hardExpiresAt) ? hardExpiresAt : wanted;
        return capped.isAfter(expiresAt) ? capped : expiresAt;
    }
}

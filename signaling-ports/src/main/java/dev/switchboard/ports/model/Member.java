package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;

/** One identity's place in a pairing session. An identity holds at most one membership per session. */
public record Member(MemberId id, String keyId, boolean host, Instant joinedAt, Instant lastSeenAt) {
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    public Member seenAt(Instant instant) {
        return instant.isAfter(lastSeenAt) ? new Member(id, keyId, host, joinedAt, instant) : this;
    }
}

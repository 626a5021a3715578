package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Opens a pairing session hosted by the caller, with an invite code and a signed invite token. */
public interface OpenSession {

    Opened open(Identity caller, Request request);

    /**
     * @param capacity members including the host; the server default when empty, at most the server maximum
     * @param ttl      the session's initial life; clamped, the server default when empty
     */
    record Request(OptionalInt capacity, Optional<Duration> ttl) {
        public Request {
            Objects.requireNonNull(capacity, "capacity");
            Objects.requireNonNull(ttl, "ttl");
        }
    }

    /**
     * @param inviteToken compact, URL-safe, server-signed: the session id, capacity and expiry
     */
    record Opened(PairingSession session, MemberId hostMemberId, String inviteToken) {
        public Opened {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(hostMemberId, "hostMemberId");
            Objects.requireNonNull(inviteToken, "inviteToken");
        }
    }
}

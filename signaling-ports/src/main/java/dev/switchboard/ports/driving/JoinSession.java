package dev.switchboard.ports.driving;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import java.util.Objects;
import java.util.Optional;

/**
 * Joins a session by invite code or invite token. Failed attempts count against the client address's
 * guessing budget; with the budget spent, attempts are refused with {@code rate_limited}. Joining a
 * session the caller is already in returns its existing membership.
 */
public interface JoinSession {

    Joined join(Identity caller, Request request);

    /** Exactly one of {@code code} and {@code token}; {@code clientAddress} as the transport determined it. */
    record Request(Optional<InviteCode> code, Optional<String> token, String clientAddress) {
        public Request {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(clientAddress, "clientAddress");
            if (code.isPresent() == token.isPresent()) {
                throw SignalingException.invalid("code", "give exactly one of code and token");
            }
        }
    }

    record Joined(PairingSession session, MemberId memberId) {
        public Joined {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(memberId, "memberId");
        }
    }
}

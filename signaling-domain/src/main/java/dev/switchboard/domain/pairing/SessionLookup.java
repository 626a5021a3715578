package dev.switchboard.domain.pairing;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import java.time.Instant;

/** Reads the session a call is about, failing with the code that tells the caller why it cannot act on it. */
final class SessionLookup {
    private final SessionStore sessions;

    SessionLookup(SessionStore sessions) {
        this.sessions = sessions;
    }

    /** The session, open or not; {@code session_not_found} once it is swept. */
    PairingSession existing(SessionId id) {
        return sessions.find(id).orElseThrow(() -> PairingErrors.notFound(id));
    }

    /** The session if it is open at {@code now}; otherwise not found, closed or expired. */
    PairingSession open(SessionId id, Instant now) {
        PairingSession session = existing(id);
        if (!session.isOpenAt(now)) {
            throw whyNotOpen(session);
        }
        return session;
    }

    /** The caller's membership of {@code session}; {@code not_a_member} when it has none. */
    static Member membership(PairingSession session, Identity caller) {
        return session.memberWithKey(caller.keyId()).orElseThrow(() -> PairingErrors.notMember(session.id()));
    }

    /** Why the store found the session gone although it was open when read: closed, expired, or swept since. */
    SignalingException gone(SessionId id, Instant now) {
        return sessions.find(id).filter(session -> !session.isOpenAt(now))
                .map(SessionLookup::whyNotOpen)
                .orElseGet(() -> PairingErrors.notFound(id));
    }

    private static SignalingException whyNotOpen(PairingSession session) {
        return session.isClosed() ? PairingErrors.closed(session.id()) : PairingErrors.expired(session.id());
    }
}

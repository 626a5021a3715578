package dev.switchboard.domain.audit;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.CloseSession;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.model.AuditEventType;
import java.util.Map;
import java.util.Optional;

/**
 * Audits pairing sessions: {@code session.opened}, {@code session.joined}, {@code session.closed}, and
 * {@code rate.limited} when a join is refused because the address spent its guessing budget. Never an
 * invite code, token or signal payload.
 */
public final class AuditedPairing {

    private AuditedPairing() {}

    public static PairingUseCases wrap(PairingUseCases inner, AuditTrail trail) {
        if (!trail.enabled()) {
            return inner;
        }
        return new PairingUseCases(
                openSession(inner.openSession(), trail),
                joinSession(inner.joinSession(), trail),
                inner.leaveSession(),
                closeSession(inner.closeSession(), trail),
                inner.getSession(),
                inner.sendSignal(),
                inner.fetchMessages(),
                inner.acknowledgeMessages(),
                inner.keepAlive(),
                inner.issueConnectionTicket(),
                inner.redeemConnectionTicket());
    }

    private static OpenSession openSession(OpenSession inner, AuditTrail trail) {
        return (caller, request) -> {
            OpenSession.Opened opened = inner.open(caller, request);
            trail.record(AuditEventType.SESSION_OPENED, caller.keyId(), Optional.of(opened.session().id().value()),
                    Optional.empty(), Map.of("capacity", Integer.toString(opened.session().capacity())));
            return opened;
        };
    }

    private static JoinSession joinSession(JoinSession inner, AuditTrail trail) {
        return (caller, request) -> {
            try {
                JoinSession.Joined joined = inner.join(caller, request);
                trail.record(AuditEventType.SESSION_JOINED, caller.keyId(),
                        Optional.of(joined.session().id().value()), Optional.of(request.clientAddress()), Map.of());
                return joined;
            } catch (SignalingException refused) {
                if (refused.code() == ErrorCode.RATE_LIMITED) {
                    trail.record(AuditEventType.RATE_LIMITED, caller.keyId(), Optional.empty(),
                            Optional.of(request.clientAddress()), Map.of("budget", "join"));
                }
                throw refused;
            }
        };
    }

    private static CloseSession closeSession(CloseSession inner, AuditTrail trail) {
        return (caller, sessionId) -> {
            inner.close(caller, sessionId);
            trail.record(AuditEventType.SESSION_CLOSED, caller.keyId(), Optional.of(sessionId.value()),
                    Optional.empty(), Map.of());
        };
    }
}

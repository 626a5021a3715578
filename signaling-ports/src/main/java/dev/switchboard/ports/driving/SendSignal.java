package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Relays a signal from the caller (a member) to one member, or to every other member when {@code to} is empty. */
public interface SendSignal {

    List<SessionMessage.Signal> send(Identity caller, Request request);

    record Request(SessionId sessionId, Optional<MemberId> to, SignalType type, SignalPayload payload) {
        public Request {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payload, "payload");
        }
    }
}

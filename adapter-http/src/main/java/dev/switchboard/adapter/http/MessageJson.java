package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.ports.model.SessionMessage;
import java.time.Instant;

/**
 * One mailbox message, told apart by {@code type}: a relayed {@code signal}, or a membership change
 * ({@code peer-joined}, {@code peer-left}, {@code session-closed}). The same JSON over HTTP and WebSocket.
 */
sealed interface MessageJson {

    static MessageJson from(SessionMessage message) {
        if (message instanceof SessionMessage.Signal signal) {
            return new SignalJson("signal", signal.sequence(), signal.sessionId().value(), signal.from().value(),
                    signal.to().value(), signal.type().value(), signal.payload().json(), signal.at());
        }
        SessionMessage.MembershipChange change = (SessionMessage.MembershipChange) message;
        return new MembershipJson(change.kind().wireName(), change.sequence(), change.sessionId().value(),
                change.member().value(), change.reason().map(SessionMessage.LeaveReason::wireName).orElse(null),
                change.at());
    }

    /**
     * A signal from one member to another. The payload was checked to be well-formed JSON when it was sent
     * and is written back raw, exactly as the sender wrote it: no tree is built per message.
     */
    record SignalJson(String type, long sequence, String sessionId, String from, String to, String signalType,
            @JsonRawValue String payload, Instant at) implements MessageJson {}

    /** A member joined or left ({@code reason}: {@code left}, {@code timed-out}, {@code session-closed}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MembershipJson(String type, long sequence, String sessionId, String member, String reason, Instant at)
            implements MessageJson {}
}

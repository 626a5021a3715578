package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a {@link SendSignal.Request} from wire fields, over HTTP or WebSocket. A refusal names the field
 * as that transport calls it ({@code type} in an HTTP body, {@code signalType} in a frame).
 */
final class SignalRequests {

    private SignalRequests() {}

    /**
     * @param to      the recipient's member id; empty for every other member
     * @param payload the payload's raw JSON text, as the client wrote it
     */
    static SendSignal.Request of(SessionId sessionId, Optional<String> to, Optional<String> type, String typeField,
            Optional<String> payload) {
        Optional<MemberId> recipient = to.map(id -> named("to", id, MemberId::new));
        SignalType signalType = named(typeField, type.orElseThrow(() -> SignalingException.invalid(typeField,
                "is required")), SignalType::new);
        SignalPayload signalPayload = new SignalPayload(payload.orElseThrow(() -> SignalingException.invalid(
                "payload", "is required")));
        return new SendSignal.Request(sessionId, recipient, signalType, signalPayload);
    }

    /** Maps {@code text} to a value, saying {@code field: ...} when the value refuses it. */
    private static <T> T named(String field, String text, Function<String, T> value) {
        try {
            return value.apply(text);
        } catch (SignalingException e) {
            String problem = e.getMessage();
            int colon = problem.indexOf(": ");
            throw SignalingException.invalid(field, colon < 0 ? problem : problem.substring(colon + 2));
        }
    }
}

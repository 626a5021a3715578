package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A frame the server sends over {@code /v1/ws} besides mailbox messages (which go out as
 * {@link MessageJson}), told apart by {@code type}. Documented in {@code docs/websocket.md}.
 */
sealed interface ServerFrame {

    /** The first frame of every connection: who it belongs to, where pushes start, and its limits. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Welcome(String type, String keyId, long after, Long eventsAfter, int maxFrameBytes,
            long idleTimeoutSeconds) implements ServerFrame {
        Welcome(String keyId, long after, Long eventsAfter, WebSocketSettings settings) {
            this("welcome", keyId, after, eventsAfter, settings.maxFrameBytes(), settings.idleTimeout().toSeconds());
        }
    }

    /** A signal frame was relayed: one sequence per recipient, in recipient order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sent(String type, String ref, List<Long> sequences) implements ServerFrame {
        Sent(String ref, List<Long> sequences) {
            this("sent", ref, sequences);
        }
    }

    /** A frame was refused; the socket stays open. {@code errorId} only on {@code internal_error}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, String ref, String code, String detail, String errorId) implements ServerFrame {
        Error(String ref, Reply.Problem problem) {
            this("error", ref, problem.code().wireName(), problem.detail(), problem.errorId().orElse(null));
        }
    }

    /** An event of the caller's offers, as {@code GET /v1/events} returns it. */
    record OfferEvent(String type, EventJson event) implements ServerFrame {
        OfferEvent(EventJson event) {
            this("offer-event", event);
        }
    }
}

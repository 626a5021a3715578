package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import io.undertow.server.HttpHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What an endpoint answers: a JSON body, a document, nothing, a problem, an answer still to come, or a
 * switch to another protocol.
 */
sealed interface Reply {

    static Reply ok(Object body) {
        return new Json(200, body);
    }

    static Reply created(Object body) {
        return new Json(201, body);
    }

    static Reply problem(ErrorCode code, String detail) {
        return new Problem(code, detail, Optional.empty());
    }

    /** A JSON body with a status. */
    record Json(int status, Object body) implements Reply {
        public Json {
            Objects.requireNonNull(body, "body");
        }
    }

    /** A 200 with a body that is already bytes of the given media type. */
    record Document(String contentType, byte[] content) implements Reply {
        public Document {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A 204. */
    record NoContent() implements Reply {}

    /** An RFC 9457 problem; {@code errorId} only for {@link ErrorCode#INTERNAL_ERROR}. */
    record Problem(ErrorCode code, String detail, Optional<String> errorId) implements Reply {
        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(errorId, "errorId");
        }
    }

    /** An answer that is not ready yet (a long-poll). The exchange stays open, holding no thread, until it is. */
    record Pending(CompletableFuture<Reply> outcome) implements Reply {
        public Pending {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A protocol switch (a WebSocket): {@code handshake} answers the exchange with 101 and takes the connection. */
    record Upgrade(HttpHandler handshake) implements Reply {
        public Upgrade {
            Objects.requireNonNull(handshake, "handshake");
        }
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What an endpoint answers: a JSON body, a document, a stream, nothing, a problem, an answer still to come,
 * or a switch to another protocol; any of them with extra response headers.
 */
sealed interface Reply {

    static Reply ok(Object body) {
        return new Json(200, body);
    }

    static Reply created(Object body) {
        return new Json(201, body);
    }

    static Reply problem(ErrorCode code, String detail) {
        return new Problem(code, detail, Optional.empty(), false);
    }

    /** This reply with one more response header. */
    default Reply withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        Reply inner = this;
        if (this instanceof Headed headed) {
            headers.putAll(headed.headers());
            inner = headed.reply();
        }
        headers.put(name, value);
        return new Headed(headers, inner);
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

    /**
     * A 200 of the given media type whose body is written piece by piece with blocking writes, so that a
     * long document (an export) is never held whole. Whatever can fail before the first byte should fail
     * before the endpoint returns this; a failure while writing cuts the connection, so the client sees a
     * truncated response rather than a short one that looks complete.
     */
    record Stream(String contentType, Body body) implements Reply {
        public Stream {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        /** Writes the body; runs on a worker thread. */
        @FunctionalInterface
        interface Body {
            void writeTo(OutputStream out) throws IOException;
        }
    }

    /** A 204. */
    record NoContent() implements Reply {}

    /**
     * An RFC 9457 problem; {@code errorId} only for {@link ErrorCode#INTERNAL_ERROR}. With
     * {@code tokenMissing}, no capability token was presented at all: 401 with {@code WWW-Authenticate: Bearer}
     * instead of the code's own status.
     */
    record Problem(ErrorCode code, String detail, Optional<String> errorId, boolean tokenMissing) implements Reply {
        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(errorId, "errorId");
        }

        int status() {
            return tokenMissing ? 401 : ErrorStatus.of(code);
        }
    }

    /** Another reply with extra response headers. */
    record Headed(Map<String, String> headers, Reply reply) implements Reply {
        public Headed {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** An answer that is not ready yet (a long-poll). The exchange stays open, holding no thread, until it is. */
    record Pending(CompletableFuture<Reply> outcome) implements Reply {
        public Pending {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A protocol switch (a WebSocket): {@code handshake} answers the request with 101 and takes the connection. */
    record Upgrade(SocketUpgrade handshake) implements Reply {
        public Upgrade {
            Objects.requireNonNull(handshake, "handshake");
        }
    }
}

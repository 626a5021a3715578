package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the problem the client sees and the log line an operator needs. A
 * {@link SignalingException} shows its client-safe message; why authentication (or a ticket) failed goes
 * only to the log. Anything else is an internal error: the client gets a random id, the log gets that id
 * and the trace.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {}

    static Reply.Problem reply(Throwable failure, HttpExchange exchange) {
        return reply(failure, exchange.method() + " " + exchange.path());
    }

    /** The same for a failure outside an exchange; {@code request} names what failed in the log. */
    static Reply.Problem reply(Throwable failure, String request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BearerTokenMissing missing) {
            LOG.debug("{} refused: no capability token", request);
            return new Reply.Problem(ErrorCode.CAPABILITY_INVALID, missing.getMessage(), Optional.empty(), true);
        }
        if (cause instanceof SignalingException known && known.code() != ErrorCode.INTERNAL_ERROR) {
            if (ErrorStatus.of(known.code()) == 401) {
                LOG.info("{} refused as {}: {}", request, known.code().wireName(), known.logDetail());
            } else if (ErrorStatus.of(known.code()) >= 500) {
                LOG.warn("{} failed as {}: {}", request, known.code().wireName(), known.logDetail());
            } else {
                LOG.debug("{} refused as {}: {}", request, known.code().wireName(), known.logDetail());
            }
            return new Reply.Problem(known.code(), known.getMessage(), Optional.empty(), false);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("{} failed unexpectedly; errorId={}", request, errorId, cause);
        return new Reply.Problem(ErrorCode.INTERNAL_ERROR,
                "an unexpected error occurred; quote errorId " + errorId + " when reporting it", Optional.of(errorId),
                false);
    }
}

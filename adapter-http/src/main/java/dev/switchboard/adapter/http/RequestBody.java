package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * Reads a request body without blocking, refusing it once more bytes arrive than the limit allows.
 * Bytes are counted as received, so a chunked body cannot slip past a limit that only a
 * {@code Content-Length} would announce; a declared length over the limit is refused before reading.
 */
final class RequestBody {

    private RequestBody() {}

    /**
     * Calls {@code onBody} with exactly the bytes received, or {@code onRefused} with
     * {@code payload_too_large} or {@code malformed_request}. Either runs on an I/O thread.
     */
    static void receive(HttpServerExchange exchange, long limit, Receiver.FullBytesCallback onBody,
            BiConsumer<HttpServerExchange, SignalingException> onRefused) {
        if (exchange.getRequestContentLength() > limit) {
            onRefused.accept(exchange, tooLarge(limit));
            return;
        }
        exchange.setMaxEntitySize(limit);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize((int) limit);
        receiver.receiveFullBytes(onBody, (failed, e) -> onRefused.accept(failed, refusal(e, limit)));
    }

    private static SignalingException refusal(IOException failure, long limit) {
        if (failure instanceof Receiver.RequestToLargeException || failure instanceof RequestTooBigException) {
            return tooLarge(limit);
        }
        return new SignalingException(ErrorCode.MALFORMED_REQUEST, "the request body could not be read");
    }

    private static SignalingException tooLarge(long limit) {
        return new SignalingException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body must be at most " + limit + " bytes");
    }
}

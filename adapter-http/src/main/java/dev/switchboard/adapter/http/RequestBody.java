package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a request body without blocking, refusing it once more bytes arrive than the limit allows.
 * Bytes are counted as received, so a chunked body cannot slip past a limit that only a
 * {@code Content-Length} would announce; a declared length over the limit is refused before reading (and
 * before a client that expects {@code 100 Continue} is invited to send it).
 */
final class RequestBody implements Consumer<HttpContent> {
    private static final byte[] NONE = new byte[0];

    private final HttpExchange exchange;
    private final long limit;
    private final BiConsumer<HttpExchange, byte[]> onBody;
    private final BiConsumer<HttpExchange, SignalingException> onRefused;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean done;

    private RequestBody(HttpExchange exchange, long limit, BiConsumer<HttpExchange, byte[]> onBody,
            BiConsumer<HttpExchange, SignalingException> onRefused) {
        this.exchange = exchange;
        this.limit = limit;
        this.onBody = onBody;
        this.onRefused = onRefused;
    }

    /**
     * Calls {@code onBody} with exactly the bytes received, or {@code onRefused} with
     * {@code payload_too_large} or {@code malformed_request}. Either runs on the exchange's event loop, or on
     * the calling thread when the request has no body.
     */
    static void receive(HttpExchange exchange, long limit, BiConsumer<HttpExchange, byte[]> onBody,
            BiConsumer<HttpExchange, SignalingException> onRefused) {
        if (exchange.requestContentLength() > limit) {
            exchange.discardBody();
            onRefused.accept(exchange, tooLarge(limit));
            return;
        }
        if (exchange.hasNoBody()) {
            onBody.accept(exchange, NONE);
            return;
        }
        exchange.readBody(new RequestBody(exchange, limit, onBody, onRefused));
    }

    @Override
    public void accept(HttpContent part) {
        try {
            if (done) {
                return;
            }
            if (part.decoderResult().isFailure()) {
                refuse(new SignalingException(ErrorCode.MALFORMED_REQUEST, "the request body could not be read"));
                return;
            }
            int size = part.content().readableBytes();
            if (received.size() + (long) size > limit) {
                refuse(tooLarge(limit));
                return;
            }
            part.content().readBytes(received, size);
            if (part instanceof LastHttpContent) {
                done = true;
                onBody.accept(exchange, received.toByteArray());
            }
        } catch (java.io.IOException cannotHappen) {
            throw new IllegalStateException("writing to memory failed", cannotHappen);
        } finally {
            part.release();
        }
    }

    private void refuse(SignalingException why) {
        done = true;
        exchange.discardBody();
        onRefused.accept(exchange, why);
    }

    private static SignalingException tooLarge(long limit) {
        return new SignalingException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body must be at most " + limit + " bytes");
    }
}

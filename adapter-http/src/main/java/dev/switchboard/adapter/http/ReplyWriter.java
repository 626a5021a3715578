package dev.switchboard.adapter.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Writes a {@link Reply} to the exchange (the headers every response carries are the {@link EdgeHandler}'s).
 * A pending reply keeps the exchange open, with no thread attached, until its outcome completes; an upgrade
 * hands the connection to its handshake; a stream is written with blocking writes on the worker that produced
 * it. Each answer first claims the exchange from its {@link RequestDeadline}; an answer too late is dropped.
 */
final class ReplyWriter {
    static final String JSON = "application/json";
    /** What a 401 tells the client to sign, per RFC 9421 section 5.1. */
    static final String ACCEPT_SIGNATURE =
            "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created;nonce;keyid;alg";
    private static final String ACCEPT_SIGNATURE_HEADER = "Accept-Signature";

    private final WireJson json;
    private final Executor worker;

    ReplyWriter(WireJson json, Executor worker) {
        this.json = json;
        this.worker = worker;
    }

    void write(HttpExchange exchange, Reply reply) {
        if (!RequestDeadline.claim(exchange)) {
            return;
        }
        answer(exchange, reply);
    }

    /** Answers a request whose deadline has passed, which the deadline itself has claimed. */
    void answerLate(HttpExchange exchange, Reply reply) {
        answer(exchange, reply);
    }

    private void answer(HttpExchange exchange, Reply reply) {
        if (reply instanceof Reply.Headed headed) {
            headed.headers().forEach((name, value) -> exchange.responseHeaders().set(name, value));
            answer(exchange, headed.reply());
            return;
        }
        if (reply instanceof Reply.Pending pending) {
            RequestDeadline.exempt(exchange);
            writeWhenDone(exchange, pending.outcome());
            return;
        }
        if (reply instanceof Reply.Upgrade upgrade) {
            exchange.switchProtocols(upgrade.handshake());
            return;
        }
        if (reply instanceof Reply.Json body) {
            writeJson(exchange, body);
        } else if (reply instanceof Reply.Document document) {
            exchange.send(200, document.contentType(), document.content());
        } else if (reply instanceof Reply.Problem problem) {
            writeProblem(exchange, problem);
        } else if (reply instanceof Reply.Stream stream) {
            writeStream(exchange, stream);
        } else {
            exchange.sendEmpty(204);
        }
    }

    private void writeJson(HttpExchange exchange, Reply.Json reply) {
        byte[] body;
        try {
            body = json.write(reply.body());
        } catch (RuntimeException e) {
            writeProblem(exchange, Failures.reply(e, exchange));
            return;
        }
        exchange.send(reply.status(), reply.body() instanceof ProblemJson ? ProblemJson.MEDIA_TYPE : JSON, body);
    }

    private void writeProblem(HttpExchange exchange, Reply.Problem problem) {
        if (!exchange.isRequestComplete()) {
            // Close rather than drain a body nobody will read; it may be as large as the client likes.
            exchange.discardBody();
        }
        if (ErrorStatus.asksForSignature(problem.code())) {
            exchange.responseHeaders().set(ACCEPT_SIGNATURE_HEADER, ACCEPT_SIGNATURE);
        }
        ErrorStatus.retryAfterSeconds(problem.code())
                .ifPresent(seconds -> exchange.responseHeaders().set(HttpHeaderNames.RETRY_AFTER, seconds));
        if (problem.tokenMissing()) {
            exchange.responseHeaders().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        ErrorStatus.challenge(problem.code())
                .ifPresent(challenge -> exchange.responseHeaders().set(HttpHeaderNames.WWW_AUTHENTICATE, challenge));
        ProblemJson body = ProblemJson.of(problem);
        exchange.send(body.status(), ProblemJson.MEDIA_TYPE, json.write(body));
    }

    /** Blocking writes: a stream is only ever answered from the worker that runs its endpoint. */
    private void writeStream(HttpExchange exchange, Reply.Stream stream) {
        OutputStream out = exchange.stream(stream.contentType());
        try {
            stream.body().writeTo(out);
            out.close();
        } catch (IOException | RuntimeException e) {
            // Ending the exchange would finish the chunked body as if it were complete; cutting it cannot be mistaken.
            Failures.reply(e, exchange);
            exchange.cut();
        }
    }

    /**
     * Answers on a worker once {@code outcome} completes. The connection reads nothing while its request is in
     * progress, so a client that leaves early is not noticed; the outcome is bounded in time (a long-poll's
     * wait), and the late answer to a closed connection is simply dropped.
     */
    private void writeWhenDone(HttpExchange exchange, CompletableFuture<Reply> outcome) {
        outcome.whenCompleteAsync((reply, failure) -> RequestIds.withMdc(exchange, () ->
                write(exchange, failure == null ? reply : Failures.reply(failure, exchange))), worker);
    }
}

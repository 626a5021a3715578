package dev.switchboard.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.xnio.IoUtils;

/**
 * Writes a {@link Reply} to the exchange (the headers every response carries are the {@link EdgeHandler}'s).
 * A pending reply keeps the exchange open, with no thread attached, until its outcome completes; an upgrade
 * hands the exchange to its handshake; a stream is written with blocking writes on the worker that produced
 * it. Each answer first claims the exchange from its {@link RequestDeadline}; an answer too late is dropped.
 */
final class ReplyWriter {
    static final String JSON = "application/json";
    /** What a 401 tells the client to sign, per RFC 9421 section 5.1. */
    static final String ACCEPT_SIGNATURE =
            "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created;nonce;keyid;alg";
    private static final HttpString ACCEPT_SIGNATURE_HEADER = new HttpString("Accept-Signature");

    private final WireJson json;
    private final Executor worker;

    ReplyWriter(WireJson json, Executor worker) {
        this.json = json;
        this.worker = worker;
    }

    void write(HttpServerExchange exchange, Reply reply) {
        if (!RequestDeadline.claim(exchange)) {
            return;
        }
        answer(exchange, reply);
    }

    /** Answers a request whose deadline has passed, which the deadline itself has claimed. */
    void answerLate(HttpServerExchange exchange, Reply reply) {
        answer(exchange, reply);
    }

    private void answer(HttpServerExchange exchange, Reply reply) {
        if (reply instanceof Reply.Headed headed) {
            headed.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
            answer(exchange, headed.reply());
            return;
        }
        if (reply instanceof Reply.Pending pending) {
            RequestDeadline.exempt(exchange);
            writeWhenDone(exchange, pending.outcome());
            return;
        }
        if (reply instanceof Reply.Upgrade upgrade) {
            switchProtocols(exchange, upgrade);
            return;
        }
        if (reply instanceof Reply.Json body) {
            writeJson(exchange, body);
        } else if (reply instanceof Reply.Document document) {
            send(exchange, 200, document.contentType(), document.content());
        } else if (reply instanceof Reply.Problem problem) {
            writeProblem(exchange, problem);
        } else if (reply instanceof Reply.Stream stream) {
            writeStream(exchange, stream);
        } else {
            exchange.setStatusCode(204);
            exchange.endExchange();
        }
    }

    private void writeJson(HttpServerExchange exchange, Reply.Json reply) {
        byte[] body;
        try {
            body = json.write(reply.body());
        } catch (RuntimeException e) {
            writeProblem(exchange, Failures.reply(e, exchange));
            return;
        }
        send(exchange, reply.status(), reply.body() instanceof ProblemJson ? ProblemJson.MEDIA_TYPE : JSON, body);
    }

    private void writeProblem(HttpServerExchange exchange, Reply.Problem problem) {
        if (!exchange.isRequestComplete()) {
            // Close rather than drain a body nobody will read; it may be as large as the client likes.
            exchange.setPersistent(false);
        }
        if (ErrorStatus.asksForSignature(problem.code())) {
            exchange.getResponseHeaders().put(ACCEPT_SIGNATURE_HEADER, ACCEPT_SIGNATURE);
        }
        ErrorStatus.retryAfterSeconds(problem.code())
                .ifPresent(seconds -> exchange.getResponseHeaders().put(Headers.RETRY_AFTER, seconds));
        if (problem.tokenMissing()) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
        }
        ErrorStatus.challenge(problem.code())
                .ifPresent(challenge -> exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, challenge));
        ProblemJson body = ProblemJson.of(problem);
        send(exchange, body.status(), ProblemJson.MEDIA_TYPE, json.write(body));
    }

    /** Blocking writes: a stream is only ever answered from the worker that runs its endpoint. */
    private void writeStream(HttpServerExchange exchange, Reply.Stream stream) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, stream.contentType());
        exchange.startBlocking();
        OutputStream out = exchange.getOutputStream();
        try {
            stream.body().writeTo(out);
            out.close();
        } catch (IOException | RuntimeException e) {
            // Ending the exchange would finish the chunked body as if it were complete; cutting it cannot be mistaken.
            Failures.reply(e, exchange);
            exchange.setPersistent(false);
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    private void switchProtocols(HttpServerExchange exchange, Reply.Upgrade upgrade) {
        try {
            upgrade.handshake().handleRequest(exchange);
        } catch (Exception e) {
            writeProblem(exchange, Failures.reply(e, exchange));
        }
    }

    /**
     * Detaches the exchange from the current call, then answers on a worker once {@code outcome} completes.
     * Undertow does not read from a connection while its request is in progress, so a client that leaves
     * early is not noticed; the outcome is bounded in time (a long-poll's wait), and the late answer to a
     * closed connection is simply dropped.
     */
    private void writeWhenDone(HttpServerExchange exchange, CompletableFuture<Reply> outcome) {
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> outcome.whenCompleteAsync((reply, failure) ->
                RequestIds.withMdc(exchange, () ->
                        write(exchange, failure == null ? reply : Failures.reply(failure, exchange))), worker));
    }

    private static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}

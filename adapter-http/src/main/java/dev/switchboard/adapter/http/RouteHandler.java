package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import dev.switchboard.ports.ErrorCode;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one route. On the event loop it checks the query and media type and reads the body without
 * blocking, within the limit of the route's kind of body; then, on a worker, it authenticates the signer (on signed routes) before the endpoint sees
 * anything, calls the endpoint, and writes its reply.
 */
final class RouteHandler implements ExchangeHandler {
    private final Route route;
    private final long maxBodyBytes;
    private final AuthenticateRequest authenticateRequest;
    private final RateLimits rateLimits;
    private final WireJson json;
    private final ReplyWriter writer;
    private final Executor worker;

    RouteHandler(Route route, long maxBodyBytes, AuthenticateRequest authenticateRequest, RateLimits rateLimits,
            WireJson json, ReplyWriter writer, Executor worker) {
        this.route = route;
        this.maxBodyBytes = maxBodyBytes;
        this.authenticateRequest = authenticateRequest;
        this.rateLimits = rateLimits;
        this.json = json;
        this.writer = writer;
        this.worker = worker;
    }

    @Override
    public void handle(HttpExchange exchange) {
        QueryParameters query;
        try {
            query = QueryParameters.of(exchange.target().parameters(), route.query(), route.repeatableQuery());
            String contentType = exchange.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
            switch (route.body()) {
                case JSON -> JsonMediaType.require(contentType);
                case OCTETS -> OctetMediaType.require(contentType);
                case ANY -> { }
            }
        } catch (SignalingException refused) {
            writer.write(exchange, Failures.reply(refused, exchange));
            return;
        }
        RequestBody.receive(exchange, maxBodyBytes,
                (received, body) -> onWorker(received, () -> run(received, query, body)),
                (refused, why) -> RequestIds.withMdc(refused,
                        () -> writer.write(refused, Failures.reply(why, refused))));
    }

    private void onWorker(HttpExchange exchange, Runnable task) {
        try {
            worker.execute(() -> RequestIds.withMdc(exchange, task));
        } catch (RejectedExecutionException stopping) {
            writer.write(exchange, Reply.problem(ErrorCode.SERVICE_UNAVAILABLE, "the server is shutting down"));
        }
    }

    /**
     * Runs on a worker thread: the use cases behind the endpoint may block. A verified signer spends its
     * identity's API-call budget before the endpoint runs.
     */
    private void run(HttpExchange exchange, QueryParameters query, byte[] body) {
        Reply reply;
        try {
            Optional<Identity> signer = route.signed()
                    ? Optional.of(authenticateRequest.authenticate(SignedRequests.of(exchange, body)))
                    : Optional.empty();
            if (signer.isPresent()) {
                rateLimits.spend(exchange, LimitedAction.API_CALL, LimitSubject.identity(signer.get().keyId()));
            }
            reply = route.endpoint().handle(new Call(exchange.attachment(Router.PATH_PARAMETERS), query, body, signer,
                    json, exchange));
        } catch (RuntimeException failure) {
            reply = Failures.reply(failure, exchange);
        }
        writer.write(exchange, reply);
    }
}

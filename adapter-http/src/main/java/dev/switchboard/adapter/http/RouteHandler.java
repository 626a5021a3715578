package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.util.Optional;

/**
 * Runs one route. On the I/O thread it checks the query and media type and reads the body without
 * blocking, within the limit of the route's kind of body; then, on a worker, it authenticates the signer (on signed routes) before the endpoint sees
 * anything, calls the endpoint, and writes its reply.
 */
final class RouteHandler implements HttpHandler {
    private final Route route;
    private final long maxBodyBytes;
    private final AuthenticateRequest authenticateRequest;
    private final RateLimits rateLimits;
    private final WireJson json;
    private final ReplyWriter writer;

    RouteHandler(Route route, long maxBodyBytes, AuthenticateRequest authenticateRequest, RateLimits rateLimits,
            WireJson json, ReplyWriter writer) {
        this.route = route;
        this.maxBodyBytes = maxBodyBytes;
        this.authenticateRequest = authenticateRequest;
        this.rateLimits = rateLimits;
        this.json = json;
        this.writer = writer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        QueryParameters query;
        try {
            query = QueryParameters.of(exchange.getQueryParameters(), route.query(), route.repeatableQuery());
            String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
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
                (received, body) -> received.dispatch(onWorker ->
                        RequestIds.withMdc(onWorker, () -> run(onWorker, query, body))),
                (refused, why) -> RequestIds.withMdc(refused,
                        () -> writer.write(refused, Failures.reply(why, refused))));
    }

    /**
     * Runs on a worker thread: the use cases behind the endpoint may block. A verified signer spends its
     * identity's API-call budget before the endpoint runs.
     */
    private void run(HttpServerExchange exchange, QueryParameters query, byte[] body) {
        Reply reply;
        try {
            Optional<Identity> signer = route.signed()
                    ? Optional.of(authenticateRequest.authenticate(SignedRequests.of(exchange, body)))
                    : Optional.empty();
            if (signer.isPresent()) {
                rateLimits.spend(exchange, LimitedAction.API_CALL, LimitSubject.identity(signer.get().keyId()));
            }
            PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
            reply = route.endpoint().handle(new Call(match.getParameters(), query, body, signer, json, exchange));
        } catch (RuntimeException failure) {
            reply = Failures.reply(failure, exchange);
        }
        writer.write(exchange, reply);
    }
}

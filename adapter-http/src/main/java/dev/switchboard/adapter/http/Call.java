package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SignedRequest;
import dev.switchboard.ports.model.TransferId;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One routed request as an endpoint sees it: path parameters, query, body, on signed routes the signer,
 * and the few facts about the connection that some routes need.
 */
final class Call {
    private final Map<String, String> pathParameters;
    private final QueryParameters query;
    private final byte[] body;
    private final Optional<Identity> signer;
    private final WireJson json;
    private final HttpExchange exchange;

    Call(Map<String, String> pathParameters, QueryParameters query, byte[] body, Optional<Identity> signer,
            WireJson json, HttpExchange exchange) {
        this.pathParameters = Map.copyOf(pathParameters);
        this.query = query;
        this.body = body;
        this.signer = signer;
        this.json = json;
        this.exchange = exchange;
    }

    /** Who signed the request; only signed routes may ask. */
    Identity caller() {
        return signer.orElseThrow(() -> new IllegalStateException("the route is not signed"));
    }

    /** The {@code {offerId}} path parameter, validated. */
    OfferId offerId() {
        return new OfferId(pathParameters.get("offerId"));
    }

    /** The {@code {sessionId}} path parameter, validated. */
    SessionId sessionId() {
        return new SessionId(pathParameters.get("sessionId"));
    }

    /** The {@code {transferId}} path parameter, validated. */
    TransferId transferId() {
        return new TransferId(pathParameters.get("transferId"));
    }

    /** The {@code {deviceId}} path parameter, validated. */
    DeviceId deviceId() {
        return new DeviceId(pathParameters.get("deviceId"));
    }

    /** The {@code {index}} path parameter: a chunk index, a whole number from 0. */
    int chunkIndex() {
        String index = pathParameters.get("index");
        if (index == null || !index.matches("[0-9]{1,9}")) {
            throw SignalingException.invalid("index", "must be a whole number from 0");
        }
        return Integer.parseInt(index);
    }

    /** Every {@code Authorization} header sent. */
    List<String> authorization() {
        return List.copyOf(exchange.requestHeaders().getAll(HttpHeaderNames.AUTHORIZATION));
    }

    /** Whether the request carries a message signature, which a route that takes one optionally may verify. */
    boolean carriesSignature() {
        return exchange.requestHeaders().contains("Signature")
                || exchange.requestHeaders().contains("Signature-Input");
    }

    /** The request as the core verifies a signature over it. */
    SignedRequest signedRequest() {
        return SignedRequests.of(exchange, body);
    }

    QueryParameters query() {
        return query;
    }

    /** The body parsed strictly as {@code type}; malformed input is {@code malformed_request}. */
    <T> T body(Class<T> type) {
        return json.read(body, type);
    }

    /** The body exactly as received, for routes that parse it themselves. */
    byte[] rawBody() {
        return body;
    }

    /** The first value of a request header, if sent. */
    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.requestHeaders().get(name));
    }

    /** Every value of a request header, in the order sent. */
    List<String> headers(String name) {
        return exchange.requestHeaders().getAll(name);
    }

    /** The exchange itself, for the edge's own concerns (rate limits) that endpoints take part in. */
    HttpExchange exchange() {
        return exchange;
    }

    /** The address the request counts against; see {@link ClientAddress}. */
    String clientAddress() {
        return ClientAddress.of(exchange);
    }

    /** The scheme and authority the client addressed (see {@link ClientView}), e.g. {@code http://localhost:8080}. */
    URI requestOrigin() {
        ClientView view = ClientView.of(exchange);
        return URI.create(view.scheme() + "://" + view.authority());
    }
}

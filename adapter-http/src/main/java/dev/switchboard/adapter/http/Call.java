package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.OfferId;
import java.util.Map;
import java.util.Optional;

/** One routed request as an endpoint sees it: path parameters, query, body and, on signed routes, the signer. */
final class Call {
    private final Map<String, String> pathParameters;
    private final QueryParameters query;
    private final byte[] body;
    private final Optional<Identity> signer;
    private final WireJson json;

    Call(Map<String, String> pathParameters, QueryParameters query, byte[] body, Optional<Identity> signer,
            WireJson json) {
        this.pathParameters = Map.copyOf(pathParameters);
        this.query = query;
        this.body = body;
        this.signer = signer;
        this.json = json;
    }

    /** Who signed the request; only signed routes may ask. */
    Identity caller() {
        return signer.orElseThrow(() -> new IllegalStateException("the route is not signed"));
    }

    /** The {@code {offerId}} path parameter, validated. */
    OfferId offerId() {
        return new OfferId(pathParameters.get("offerId"));
    }

    QueryParameters query() {
        return query;
    }

    /** The body parsed strictly as {@code type}; malformed input is {@code malformed_request}. */
    <T> T body(Class<T> type) {
        return json.read(body, type);
    }
}

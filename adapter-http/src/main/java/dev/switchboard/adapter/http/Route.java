package dev.switchboard.adapter.http;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of the route table: a method and a path template ({@link PathTemplates}), whether the request must be
 * signed, whether it belongs to the admin surface (which does not exist while no admin credential is
 * configured), the body it carries, the query parameters it accepts (and which of them may repeat), and
 * what handles it.
 */
record Route(String method, String template, boolean signed, boolean admin, Body body, Set<String> query,
        Set<String> repeatableQuery, Endpoint endpoint) {

    /** What a route reads from the request body. */
    enum Body {
        /** Whatever is sent, within the general limit; routes without a body ignore it. */
        ANY,
        /** {@code application/json}, within the general limit. */
        JSON,
        /** {@code application/octet-stream}, within the chunk limit. */
        OCTETS
    }

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(body, "body");
        query = Set.copyOf(query);
        repeatableQuery = Set.copyOf(repeatableQuery);
        if (!query.containsAll(repeatableQuery)) {
            throw new IllegalArgumentException("a repeatable query parameter must be accepted: " + repeatableQuery);
        }
        Objects.requireNonNull(endpoint, "endpoint");
    }

    static Route open(String method, String template, Endpoint endpoint) {
        return new Route(method, template, false, false, Body.ANY, Set.of(), Set.of(), endpoint);
    }

    static Route signed(String method, String template, Endpoint endpoint) {
        return new Route(method, template, true, false, Body.ANY, Set.of(), Set.of(), endpoint);
    }

    /** A route of the admin surface: the endpoint checks the admin credential (a bearer token or a signature). */
    static Route admin(String method, String template, Endpoint endpoint) {
        return new Route(method, template, false, true, Body.ANY, Set.of(), Set.of(), endpoint);
    }

    boolean takesJson() {
        return body == Body.JSON;
    }

    Route withJsonBody() {
        return new Route(method, template, signed, admin, Body.JSON, query, repeatableQuery, endpoint);
    }

    Route withOctetBody() {
        return new Route(method, template, signed, admin, Body.OCTETS, query, repeatableQuery, endpoint);
    }

    Route withQuery(Set<String> names) {
        return new Route(method, template, signed, admin, body, names, repeatableQuery, endpoint);
    }

    /** Accepts {@code names}, and lets {@code repeatable} of them appear more than once. */
    Route withQuery(Set<String> names, Set<String> repeatable) {
        return new Route(method, template, signed, admin, body, names, repeatable, endpoint);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}

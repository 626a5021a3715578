package dev.switchboard.adapter.http;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of the route table: a method and an Undertow path template, whether the request must be
 * signed, whether it carries a JSON body, the query parameters it accepts, and what handles it.
 */
record Route(String method, String template, boolean signed, boolean takesJson, Set<String> query,
        Endpoint endpoint) {

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        query = Set.copyOf(query);
        Objects.requireNonNull(endpoint, "endpoint");
    }

    static Route open(String method, String template, Endpoint endpoint) {
        return new Route(method, template, false, false, Set.of(), endpoint);
    }

    static Route signed(String method, String template, Endpoint endpoint) {
        return new Route(method, template, true, false, Set.of(), endpoint);
    }

    Route withJsonBody() {
        return new Route(method, template, signed, true, query, endpoint);
    }

    Route withQuery(Set<String> names) {
        return new Route(method, template, signed, takesJson, names, endpoint);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}

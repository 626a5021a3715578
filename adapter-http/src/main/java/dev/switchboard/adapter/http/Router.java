package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Matches a request to its route by path template, then by method: no template is 404
 * {@code not_found}, a template without the method is 405 {@code method_not_allowed} with {@code Allow}.
 * Literal segments win over parameters, so {@code /v1/offers/count} is never read as an offer id.
 * While no admin credential is configured, the admin templates answer exactly as if they did not exist,
 * before their query, media type or body is looked at.
 */
final class Router implements ExchangeHandler {
    /** The detail of every 404 for a path without a resource. */
    static final String NO_RESOURCE = "there is no resource at this path";
    /** The matched route's path parameters, by name, for the {@link RouteHandler}. */
    static final AttachmentKey<Map<String, String>> PATH_PARAMETERS = AttachmentKey.named("path parameters");

    private final PathTemplates<Map<String, ExchangeHandler>> templates = new PathTemplates<>();
    private final Set<String> adminTemplates = new HashSet<>();
    private final BooleanSupplier adminEnabled;
    private final ReplyWriter writer;

    Router(List<Route> routes, Function<Route, ExchangeHandler> handlerFor, BooleanSupplier adminEnabled,
            ReplyWriter writer) {
        this.adminEnabled = adminEnabled;
        this.writer = writer;
        Map<String, Map<String, ExchangeHandler>> byTemplate = new LinkedHashMap<>();
        for (Route route : routes) {
            ExchangeHandler previous = byTemplate.computeIfAbsent(route.template(), t -> new LinkedHashMap<>())
                    .put(route.method(), handlerFor.apply(route));
            if (previous != null) {
                throw new IllegalArgumentException("route declared twice: " + route);
            }
            if (route.admin()) {
                adminTemplates.add(route.template());
            }
        }
        byTemplate.forEach(templates::add);
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        Optional<PathTemplates.Match<Map<String, ExchangeHandler>>> found = templates.match(exchange.path());
        if (found.isEmpty() || adminTemplates.contains(found.get().template()) && !adminEnabled.getAsBoolean()) {
            writer.write(exchange, Reply.problem(ErrorCode.NOT_FOUND, NO_RESOURCE));
            return;
        }
        PathTemplates.Match<Map<String, ExchangeHandler>> match = found.get();
        exchange.attach(HttpMetrics.ROUTE, match.template());
        Map<String, ExchangeHandler> byMethod = match.value();
        ExchangeHandler handler = byMethod.get(exchange.method());
        if (handler == null) {
            exchange.responseHeaders().set(HttpHeaderNames.ALLOW, String.join(", ", byMethod.keySet()));
            writer.write(exchange, Reply.problem(ErrorCode.METHOD_NOT_ALLOWED,
                    exchange.method() + " is not allowed here; see the Allow header"));
            return;
        }
        exchange.attach(PATH_PARAMETERS, match.parameters());
        handler.handle(exchange);
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import io.undertow.util.PathTemplateMatcher;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
final class Router implements HttpHandler {
    /** The detail of every 404 for a path without a resource. */
    static final String NO_RESOURCE = "there is no resource at this path";

    private final PathTemplateMatcher<Map<String, HttpHandler>> matcher = new PathTemplateMatcher<>();
    private final Set<String> adminTemplates = new HashSet<>();
    private final BooleanSupplier adminEnabled;
    private final ReplyWriter writer;

    Router(List<Route> routes, Function<Route, HttpHandler> handlerFor, BooleanSupplier adminEnabled,
            ReplyWriter writer) {
        this.adminEnabled = adminEnabled;
        this.writer = writer;
        Map<String, Map<String, HttpHandler>> byTemplate = new LinkedHashMap<>();
        for (Route route : routes) {
            HttpHandler previous = byTemplate.computeIfAbsent(route.template(), t -> new LinkedHashMap<>())
                    .put(route.method(), handlerFor.apply(route));
            if (previous != null) {
                throw new IllegalArgumentException("route declared twice: " + route);
            }
            if (route.admin()) {
                adminTemplates.add(route.template());
            }
        }
        byTemplate.forEach(matcher::add);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        PathTemplateMatcher.PathMatchResult<Map<String, HttpHandler>> match =
                matcher.match(exchange.getRelativePath());
        if (match == null || adminTemplates.contains(match.getMatchedTemplate()) && !adminEnabled.getAsBoolean()) {
            writer.write(exchange, Reply.problem(ErrorCode.NOT_FOUND, NO_RESOURCE));
            return;
        }
        exchange.putAttachment(HttpMetrics.ROUTE, match.getMatchedTemplate());
        Map<String, HttpHandler> byMethod = match.getValue();
        HttpHandler handler = byMethod.get(exchange.getRequestMethod().toString());
        if (handler == null) {
            exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", byMethod.keySet()));
            writer.write(exchange, Reply.problem(ErrorCode.METHOD_NOT_ALLOWED,
                    exchange.getRequestMethod() + " is not allowed here; see the Allow header"));
            return;
        }
        exchange.putAttachment(PathTemplateMatch.ATTACHMENT_KEY, match);
        handler.handleRequest(exchange);
    }
}

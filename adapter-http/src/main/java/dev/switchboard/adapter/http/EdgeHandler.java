package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outermost handler, where every request enters: it gives the request its id and {@link ClientView},
 * arranges the headers every response gets as it is committed (security, CORS, rate limits, the request
 * id), answers CORS preflights, refuses heads over the header limits with 431, starts the
 * {@link RequestDeadline}, and records the request's metrics when it completes.
 */
final class EdgeHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeHandler.class);

    private final HttpHandler next;
    private final EdgeSettings settings;
    private final TrustedProxies proxies;
    private final Optional<URI> publicBaseUrl;
    private final Cors cors;
    private final SecurityHeaders securityHeaders;
    private final ReplyWriter writer;
    private final HttpMetrics metrics;

    EdgeHandler(HttpHandler next, EdgeSettings settings, Optional<URI> publicBaseUrl, Cors cors, ReplyWriter writer,
            HttpMetrics metrics) {
        this.next = next;
        this.settings = settings;
        this.proxies = new TrustedProxies(settings.trustedProxies());
        this.publicBaseUrl = publicBaseUrl;
        this.cors = cors;
        this.securityHeaders = new SecurityHeaders(settings.hstsMaxAge());
        this.writer = writer;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        String requestId = RequestIds.assign(exchange);
        ClientView view = ClientView.resolve(exchange, proxies, publicBaseUrl);
        exchange.putAttachment(ClientView.KEY, view);
        exchange.addResponseCommitListener(committing -> {
            securityHeaders.apply(committing, view.secure());
            cors.decorate(committing);
            RateLimits.writeHeaders(committing);
            committing.getResponseHeaders().put(RequestIds.HEADER, requestId);
        });
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                metrics.requestDone(done, start);
            } finally {
                nextListener.proceed();
            }
        });
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            if (Cors.isPreflight(exchange)) {
                writer.write(exchange, cors.preflight(exchange));
                return;
            }
            Optional<String> oversized = headersOverLimit(exchange);
            if (oversized.isPresent()) {
                exchange.setPersistent(false);
                writer.write(exchange, EdgeProblem.headersTooLarge(oversized.get()));
                return;
            }
            RequestDeadline.start(exchange, settings.requestTimeout(), () -> timedOut(exchange));
            next.handleRequest(exchange);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private Optional<String> headersOverLimit(HttpServerExchange exchange) {
        int count = 0;
        long bytes = 0;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String value : values) {
                count++;
                // "name: value\r\n", as the client sent it.
                bytes += values.getHeaderName().length() + 2 + value.length() + 2;
            }
        }
        if (count > settings.maxHeaderCount()) {
            return Optional.of("send at most " + settings.maxHeaderCount() + " header fields; this request has "
                    + count);
        }
        if (bytes > settings.maxHeaderBytes()) {
            return Optional.of("send at most " + settings.maxHeaderBytes() + " bytes of header fields; this request "
                    + "has " + bytes);
        }
        return Optional.empty();
    }

    /** Runs on the exchange's IO thread when the deadline passed before any answer. */
    private void timedOut(HttpServerExchange exchange) {
        RequestIds.withMdc(exchange, () -> {
            LOG.warn("{} {} was not answered within {}; answering 503", exchange.getRequestMethod(),
                    exchange.getRequestPath(), settings.requestTimeout());
            exchange.setPersistent(false);
            writer.answerLate(exchange, Reply.problem(ErrorCode.SERVICE_UNAVAILABLE,
                    "the request was not answered within " + settings.requestTimeout().toMillis() + " ms; retry"));
        });
    }
}

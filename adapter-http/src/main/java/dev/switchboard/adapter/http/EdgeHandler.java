package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import io.netty.handler.codec.TooLongFrameException;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outermost handler, where every request enters: it gives the request its id and {@link ClientView},
 * arranges the headers every response gets as it is committed (security, CORS, rate limits, the request
 * id), refuses heads it cannot read (400) or that are over the header limits (431), answers CORS preflights,
 * starts the
 * {@link RequestDeadline}, and records the request's metrics when it completes.
 */
final class EdgeHandler implements ExchangeHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeHandler.class);

    private final ExchangeHandler next;
    private final EdgeSettings settings;
    private final TrustedProxies proxies;
    private final Optional<URI> publicBaseUrl;
    private final Cors cors;
    private final SecurityHeaders securityHeaders;
    private final ReplyWriter writer;
    private final HttpMetrics metrics;

    EdgeHandler(ExchangeHandler next, EdgeSettings settings, Optional<URI> publicBaseUrl, Cors cors, ReplyWriter writer,
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
    public void handle(HttpExchange exchange) throws Exception {
        long start = System.nanoTime();
        String requestId = RequestIds.assign(exchange);
        ClientView view = ClientView.resolve(exchange, proxies, publicBaseUrl);
        exchange.attach(ClientView.KEY, view);
        exchange.onCommit(committing -> {
            securityHeaders.apply(committing, view.secure());
            cors.decorate(committing);
            RateLimits.writeHeaders(committing);
            committing.responseHeaders().set(RequestIds.HEADER, requestId);
        });
        exchange.onComplete(done -> metrics.requestDone(done, start));
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            Optional<Throwable> malformed = exchange.malformedHead();
            if (malformed.isPresent()) {
                exchange.closeAfterResponse();
                writer.write(exchange, malformed.get() instanceof TooLongFrameException
                        ? EdgeProblem.headersTooLarge("the request line and header fields must be at most "
                                + settings.maxHeaderBytes() + " bytes")
                        : Reply.problem(ErrorCode.MALFORMED_REQUEST, "the request head cannot be read"));
                return;
            }
            if (Cors.isPreflight(exchange)) {
                writer.write(exchange, cors.preflight(exchange));
                return;
            }
            Optional<String> oversized = headersOverLimit(exchange);
            if (oversized.isPresent()) {
                exchange.closeAfterResponse();
                writer.write(exchange, EdgeProblem.headersTooLarge(oversized.get()));
                return;
            }
            RequestDeadline.start(exchange, settings.requestTimeout(), () -> timedOut(exchange));
            next.handle(exchange);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private Optional<String> headersOverLimit(HttpExchange exchange) {
        int count = 0;
        long bytes = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = exchange.requestHeaders().iteratorCharSequence();
                it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> field = it.next();
            count++;
            // "name: value\r\n", as the client sent it.
            bytes += field.getKey().length() + 2 + field.getValue().length() + 2;
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

    /** Runs on the exchange's event loop when the deadline passed before any answer. */
    private void timedOut(HttpExchange exchange) {
        RequestIds.withMdc(exchange, () -> {
            LOG.warn("{} {} was not answered within {}; answering 503", exchange.method(),
                    exchange.path(), settings.requestTimeout());
            exchange.closeAfterResponse();
            writer.answerLate(exchange, Reply.problem(ErrorCode.SERVICE_UNAVAILABLE,
                    "the request was not answered within " + settings.requestTimeout().toMillis() + " ms; retry"));
        });
    }
}

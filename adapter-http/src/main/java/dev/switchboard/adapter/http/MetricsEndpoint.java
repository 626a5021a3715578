package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the text the application's Prometheus registry scrapes, served as it is. Without
 * metrics the path answers 404, as if it did not exist.
 */
final class MetricsEndpoint implements Endpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Optional<Supplier<String>> scrape;

    MetricsEndpoint(Optional<Supplier<String>> scrape) {
        this.scrape = scrape;
    }

    @Override
    public Reply handle(Call call) {
        Supplier<String> text = scrape.orElseThrow(() ->
                new SignalingException(ErrorCode.NOT_FOUND, Router.NO_RESOURCE));
        return new Reply.Document(CONTENT_TYPE, text.get().getBytes(StandardCharsets.UTF_8));
    }
}

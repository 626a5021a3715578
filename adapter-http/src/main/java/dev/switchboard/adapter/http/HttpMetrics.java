package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.ReportStatistics;
import dev.switchboard.ports.model.Statistics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The adapter's meters, registered once in the registry the application hands over (or in an empty
 * composite, where every meter does nothing). Request meters are tagged with the route's template, never
 * the raw path, so their number stays bounded whatever clients send.
 */
final class HttpMetrics {
    /** The template of the route a request matched, set by the router; absent for unmatched paths. */
    static final AttachmentKey<String> ROUTE = AttachmentKey.named("route");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    /** How long store statistics are reused, so that frequent scrapes do not query the store each time. */
    static final Duration STATISTICS_TTL = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final Counter framesIn;
    private final Counter framesOut;
    private final Counter relayIn;
    private final Counter relayOut;

    HttpMetrics(Optional<MeterRegistry> registry) {
        this.registry = registry.orElseGet(CompositeMeterRegistry::new);
        this.framesIn = frames("in");
        this.framesOut = frames("out");
        this.relayIn = relay("in");
        this.relayOut = relay("out");
    }

    /** Gauges of this server's open sockets and waiting long-polls. */
    void watch(OpenSockets sockets, PendingPolls polls) {
        Gauge.builder("switchboard.websocket.connections", sockets, OpenSockets::size)
                .description("WebSockets open on this instance").register(registry);
        Gauge.builder("switchboard.long_polls.pending", polls, PendingPolls::size)
                .description("long-polls waiting on this instance").register(registry);
    }

    /** Gauges of what the store holds, read at most every {@link #STATISTICS_TTL}. */
    void watch(ReportStatistics statistics) {
        CachedStatistics cached = new CachedStatistics(statistics, STATISTICS_TTL);
        store(cached, "switchboard.store.sessions.open", "pairing sessions open", Statistics::openSessions);
        store(cached, "switchboard.store.signals.queued", "mailbox messages not yet acknowledged",
                Statistics::queuedMessages);
        store(cached, "switchboard.store.transfers.live", "transfers neither complete nor expired",
                Statistics::liveTransfers);
        store(cached, "switchboard.store.transfers.reserved.bytes", "bytes reserved by live transfers",
                Statistics::reservedTransferBytes);
        store(cached, "switchboard.store.chunks.stored.bytes", "chunk bytes held now", Statistics::storedChunkBytes);
        store(cached, "switchboard.store.offers.live", "offers not expired", Statistics::liveOffers);
        store(cached, "switchboard.store.devices", "registered devices", Statistics::devices);
        store(cached, "switchboard.store.credentials", "server-issued credentials not expired",
                Statistics::credentials);
    }

    private void store(CachedStatistics cached, String name, String description, ToLongFunction<Statistics> value) {
        // Held strongly: nothing else keeps the cache, and Micrometer holds a gauge's object weakly by default.
        Gauge.builder(name, cached, c -> c.get().map(s -> (double) value.applyAsLong(s)).orElse(Double.NaN))
                .strongReference(true).description(description).register(registry);
    }

    /** Records a finished request: its latency by route, method, status and outcome, and why it was refused. */
    void requestDone(HttpExchange exchange, long startNanos) {
        int status = exchange.status();
        String method = exchange.method();
        String route = exchange.attachment(ROUTE);
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("route", route != null ? route : status == 404 ? "NOT_FOUND" : "UNKNOWN")
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        rejectionReason(status).ifPresent(reason -> Counter.builder("switchboard.rejections")
                .description("requests refused, by reason").tag("reason", reason).register(registry).increment());
    }

    void frameIn() {
        framesIn.increment();
    }

    void framesOut(int count) {
        framesOut.increment(count);
    }

    void relayedIn(long bytes) {
        relayIn.increment(bytes);
    }

    void relayedOut(long bytes) {
        relayOut.increment(bytes);
    }

    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    /** Which kind of refusal a status is; business outcomes (409, 410) and server errors are not refusals. */
    static Optional<String> rejectionReason(int status) {
        return switch (status) {
            case 401 -> Optional.of("authentication");
            case 429 -> Optional.of("rate_limit");
            case 400, 415, 422 -> Optional.of("validation");
            case 413, 431 -> Optional.of("payload_too_large");
            case 404 -> Optional.of("not_found");
            case 403, 405, 408, 503 -> Optional.of("other");
            default -> Optional.empty();
        };
    }

    private Counter frames(String direction) {
        return Counter.builder("switchboard.websocket.frames").description("WebSocket frames, by direction")
                .tag("direction", direction).register(registry);
    }

    private Counter relay(String direction) {
        return Counter.builder("switchboard.relay.bytes").description("transfer chunk bytes relayed, by direction")
                .baseUnit("bytes").tag("direction", direction).register(registry);
    }
}

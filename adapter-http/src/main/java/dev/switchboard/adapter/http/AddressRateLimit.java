package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import java.util.concurrent.Executor;

/**
 * Spends the client address's API-call budget for every request but the health checks and the metrics
 * scrape (which a balancer and a scraper call all the time, from few addresses). The limiter may ask a
 * store, so the request moves to a worker first.
 */
final class AddressRateLimit implements ExchangeHandler {
    private final ExchangeHandler next;
    private final RateLimits rateLimits;
    private final ReplyWriter writer;
    private final Executor worker;

    AddressRateLimit(ExchangeHandler next, RateLimits rateLimits, ReplyWriter writer, Executor worker) {
        this.next = next;
        this.rateLimits = rateLimits;
        this.writer = writer;
        this.worker = worker;
    }

    static boolean exempt(String path) {
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics");
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        if (exempt(exchange.path())
                || !rateLimits.limits(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS)) {
            next.handle(exchange);
            return;
        }
        if (exchange.inEventLoop()) {
            worker.execute(() -> RequestIds.withMdc(exchange, () -> spendThenGoOn(exchange)));
            return;
        }
        spendThenGoOn(exchange);
    }

    private void spendThenGoOn(HttpExchange exchange) {
        try {
            rateLimits.spend(exchange, LimitedAction.API_CALL, LimitSubject.address(ClientAddress.of(exchange)));
            next.handle(exchange);
        } catch (SignalingException refused) {
            writer.write(exchange, Failures.reply(refused, exchange));
        } catch (Exception e) {
            writer.write(exchange, Failures.reply(e, exchange));
        }
    }
}

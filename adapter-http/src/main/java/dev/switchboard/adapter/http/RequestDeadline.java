package dev.switchboard.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.XnioExecutor;

/**
 * The time a request has to arrive and be answered. Whoever answers first wins: the {@link ReplyWriter}
 * claims the exchange before writing, and when the deadline passes first the client gets 503 and the late
 * answer is dropped. A long-poll is exempt once it starts waiting (its wait is bounded by itself), and so is
 * anything already answering (a stream, a WebSocket).
 */
final class RequestDeadline {
    private static final AttachmentKey<RequestDeadline> KEY = AttachmentKey.create(RequestDeadline.class);
    private static final int OPEN = 0;
    private static final int EXEMPT = 1;
    private static final int ANSWERED = 2;
    private static final int EXPIRED = 3;

    private final AtomicInteger state = new AtomicInteger(OPEN);

    private RequestDeadline() {}

    /** Starts the clock of {@code exchange}; {@code onExpiry} runs on its IO thread if the deadline passes first. */
    static void start(HttpServerExchange exchange, Duration timeout, Runnable onExpiry) {
        RequestDeadline deadline = new RequestDeadline();
        exchange.putAttachment(KEY, deadline);
        XnioExecutor.Key timer = exchange.getIoThread().executeAfter(() -> {
            if (deadline.state.compareAndSet(OPEN, EXPIRED)) {
                onExpiry.run();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        exchange.addExchangeCompleteListener((done, next) -> {
            timer.remove();
            next.proceed();
        });
    }

    /** Takes the right to answer; false when the deadline passed first (or someone already answered). */
    static boolean claim(HttpServerExchange exchange) {
        RequestDeadline deadline = exchange.getAttachment(KEY);
        return deadline == null || deadline.state.compareAndSet(OPEN, ANSWERED)
                || deadline.state.compareAndSet(EXEMPT, ANSWERED);
    }

    /** Lifts the deadline of a request that waits on purpose; its answer claims the exchange later. */
    static void exempt(HttpServerExchange exchange) {
        RequestDeadline deadline = exchange.getAttachment(KEY);
        if (deadline != null) {
            deadline.state.compareAndSet(ANSWERED, EXEMPT);
            deadline.state.compareAndSet(OPEN, EXEMPT);
        }
    }
}

package dev.switchboard.adapter.http;

import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time a request has to arrive and be answered. Whoever answers first wins: the {@link ReplyWriter}
 * claims the exchange before writing, and when the deadline passes first the client gets 503 and the late
 * answer is dropped. A long-poll is exempt once it starts waiting (its wait is bounded by itself), and so is
 * anything already answering (a stream, a WebSocket).
 */
final class RequestDeadline {
    private static final AttachmentKey<RequestDeadline> KEY = AttachmentKey.named("request deadline");
    private static final int OPEN = 0;
    private static final int EXEMPT = 1;
    private static final int ANSWERED = 2;
    private static final int EXPIRED = 3;

    private final AtomicInteger state = new AtomicInteger(OPEN);

    private RequestDeadline() {}

    /** Starts the clock of {@code exchange}; {@code onExpiry} runs on its event loop if the deadline passes first. */
    static void start(HttpExchange exchange, Duration timeout, Runnable onExpiry) {
        RequestDeadline deadline = new RequestDeadline();
        exchange.attach(KEY, deadline);
        ScheduledFuture<?> timer = exchange.eventLoop().schedule(() -> {
            if (deadline.state.compareAndSet(OPEN, EXPIRED)) {
                onExpiry.run();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        exchange.onComplete(done -> timer.cancel(false));
    }

    /** Takes the right to answer; false when the deadline passed first (or someone already answered). */
    static boolean claim(HttpExchange exchange) {
        RequestDeadline deadline = exchange.attachment(KEY);
        return deadline == null || deadline.state.compareAndSet(OPEN, ANSWERED)
                || deadline.state.compareAndSet(EXEMPT, ANSWERED);
    }

    /** Lifts the deadline of a request that waits on purpose; its answer claims the exchange later. */
    static void exempt(HttpExchange exchange) {
        RequestDeadline deadline = exchange.attachment(KEY);
        if (deadline != null) {
            deadline.state.compareAndSet(ANSWERED, EXEMPT);
            deadline.state.compareAndSet(OPEN, EXEMPT);
        }
    }
}

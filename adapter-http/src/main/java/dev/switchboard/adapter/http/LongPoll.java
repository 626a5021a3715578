package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Subscription;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One request waiting for the caller's next event or mailbox message without holding a thread. It
 * subscribes, polls once more (something may have landed between the first poll and the subscription),
 * then re-polls on a worker at each wake-up. Its outcome completes exactly once: with the first page worth
 * answering, or with the empty page when the wait runs out or the server stops. Either way the subscription
 * is closed, so a poll whose client has gone holds its subscription no longer than its wait.
 */
final class LongPoll<P> {
    private final Supplier<P> poll;
    private final Predicate<P> hasNews;
    private final Function<P, Reply> replyFor;
    private final Reply empty;
    private final Executor worker;
    private final CompletableFuture<Reply> outcome = new CompletableFuture<>();

    /**
     * @param poll     reads the page once, at once
     * @param hasNews  whether a page is worth answering with
     * @param replyFor the answer for such a page
     * @param empty    the answer when the wait runs out
     */
    LongPoll(Supplier<P> poll, Predicate<P> hasNews, Function<P, Reply> replyFor, Reply empty, Executor worker) {
        this.poll = poll;
        this.hasNews = hasNews;
        this.replyFor = replyFor;
        this.empty = empty;
        this.worker = worker;
    }

    /** Starts waiting; call once, on a worker thread. */
    CompletableFuture<Reply> start(WatchEvents watchEvents, Identity caller, Duration wait, PendingPolls pending) {
        Subscription subscription = watchEvents.watch(caller, this::wake);
        outcome.whenComplete((reply, failure) -> subscription.close());
        pending.track(this);
        pollOnce();
        outcome.completeOnTimeout(empty, wait.toMillis(), TimeUnit.MILLISECONDS);
        return outcome;
    }

    /** Answers now with the empty page, as when the wait runs out. */
    void end() {
        outcome.complete(empty);
    }

    CompletableFuture<Reply> outcome() {
        return outcome;
    }

    /** The publisher's callback: must be quick and must not throw, so the poll itself goes to a worker. */
    private void wake() {
        if (outcome.isDone()) {
            return;
        }
        try {
            worker.execute(this::pollOnce);
        } catch (RejectedExecutionException e) {
            end();
        }
    }

    private void pollOnce() {
        if (outcome.isDone()) {
            return;
        }
        try {
            P page = poll.get();
            if (hasNews.test(page)) {
                outcome.complete(replyFor.apply(page));
            }
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.Identity;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A signed {@code GET ...?after=&limit=&wait=} over a page of the caller's records after a cursor
 * ({@code /v1/events}, {@code /v1/messages}). When the page is empty and {@code wait} is positive, the
 * answer is a {@link LongPoll} that completes on the next wake-up that finds something, or with the empty
 * page when the wait runs out, holding no thread meanwhile. One {@link WatchEvents} wakes both routes.
 *
 * @param <P> the page type the use case returns
 */
final class LongPolledPageEndpoint<P> implements Endpoint {
    private final PageSource<P> source;
    private final Predicate<P> isEmpty;
    private final Function<P, Object> toJson;
    private final WatchEvents watchEvents;
    private final Duration maxWait;
    private final Executor worker;
    private final PendingPolls pending;

    LongPolledPageEndpoint(PageSource<P> source, Predicate<P> isEmpty, Function<P, Object> toJson,
            WatchEvents watchEvents, Duration maxWait, Executor worker, PendingPolls pending) {
        this.source = source;
        this.isEmpty = isEmpty;
        this.toJson = toJson;
        this.watchEvents = watchEvents;
        this.maxWait = maxWait;
        this.worker = worker;
        this.pending = pending;
    }

    @Override
    public Reply handle(Call call) {
        Identity caller = call.caller();
        PollQuery query = PollQuery.of(call.query(), maxWait);
        P page = source.read(caller, query.after(), query.limit());
        if (!isEmpty.test(page) || !query.waits()) {
            return Reply.ok(toJson.apply(page));
        }
        LongPoll<P> poll = new LongPoll<>(
                () -> source.read(caller, query.after(), query.limit()),
                isEmpty.negate(),
                found -> Reply.ok(toJson.apply(found)),
                Reply.ok(toJson.apply(page)),
                worker);
        return new Reply.Pending(poll.start(watchEvents, caller, query.waitFor(), pending));
    }

    /** Reads one page of the caller's records after a cursor: a use case's poll or fetch method. */
    @FunctionalInterface
    interface PageSource<P> {
        P read(Identity caller, long afterSequence, int limit);
    }
}

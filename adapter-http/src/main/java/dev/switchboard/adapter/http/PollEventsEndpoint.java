package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.Identity;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * {@code GET /v1/events?after=&limit=&wait=}: the caller's events after a cursor. When there are none and
 * {@code wait} is positive, the answer is a {@link LongPoll} that completes on the next event or when the
 * wait runs out, holding no thread meanwhile.
 */
final class PollEventsEndpoint implements Endpoint {
    private final PollEvents pollEvents;
    private final WatchEvents watchEvents;
    private final Duration maxWait;
    private final Executor worker;
    private final PendingPolls pending;

    PollEventsEndpoint(PollEvents pollEvents, WatchEvents watchEvents, Duration maxWait, Executor worker,
            PendingPolls pending) {
        this.pollEvents = pollEvents;
        this.watchEvents = watchEvents;
        this.maxWait = maxWait;
        this.worker = worker;
        this.pending = pending;
    }

    @Override
    public Reply handle(Call call) {
        Identity caller = call.caller();
        PollQuery query = PollQuery.of(call.query(), maxWait);
        EventPage page = pollEvents.poll(caller, query.after(), query.limit());
        if (!page.events().isEmpty() || !query.waits()) {
            return Reply.ok(EventPageJson.from(page));
        }
        LongPoll<EventPage> poll = new LongPoll<>(
                () -> pollEvents.poll(caller, query.after(), query.limit()),
                found -> !found.events().isEmpty(),
                found -> Reply.ok(EventPageJson.from(found)),
                Reply.ok(EventPageJson.from(page)),
                worker);
        return new Reply.Pending(poll.start(watchEvents, caller, query.waitFor(), pending));
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.Identity;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * {@code GET /v1/events?after=&limit=&wait=}: the caller's events after a cursor. When there are none and
 * {@code wait} is positive, the answer is a {@link LongPoll} that completes on the next event or when the
 * wait runs out, holding no thread meanwhile.
 */
final class PollEventsEndpoint implements Endpoint {
    static final Set<String> QUERY = Set.of("after", "limit", "wait");
    private static final int DEFAULT_LIMIT = 100;

    private final PollEvents pollEvents;
    private final WatchEvents watchEvents;
    private final Duration maxWait;
    private final Executor worker;
    private final PendingPolls pending;
    private final WireJson json;

    PollEventsEndpoint(PollEvents pollEvents, WatchEvents watchEvents, Duration maxWait, Executor worker,
            PendingPolls pending, WireJson json) {
        this.pollEvents = pollEvents;
        this.watchEvents = watchEvents;
        this.maxWait = maxWait;
        this.worker = worker;
        this.pending = pending;
        this.json = json;
    }

    @Override
    public Reply handle(Call call) {
        Identity caller = call.caller();
        long after = call.query().integer("after", 0);
        long limit = call.query().integer("limit", DEFAULT_LIMIT);
        long waitSeconds = call.query().integer("wait", 0);
        if (after < 0) {
            throw SignalingException.invalid("after", "must not be negative");
        }
        if (limit < 1 || limit > Integer.MAX_VALUE) {
            throw SignalingException.invalid("limit", "must be a positive number of events");
        }
        if (waitSeconds < 0 || waitSeconds > maxWait.toSeconds()) {
            throw SignalingException.invalid("wait", "must be from 0 to " + maxWait.toSeconds() + " seconds");
        }
        EventPage page = pollEvents.poll(caller, after, (int) limit);
        if (!page.events().isEmpty() || waitSeconds == 0) {
            return Reply.ok(EventPageJson.from(page, json));
        }
        LongPoll poll = new LongPoll(
                () -> pollEvents.poll(caller, after, (int) limit),
                found -> Reply.ok(EventPageJson.from(found, json)),
                Reply.ok(EventPageJson.from(page, json)),
                worker);
        return new Reply.Pending(poll.start(watchEvents, caller, Duration.ofSeconds(waitSeconds), pending));
    }
}

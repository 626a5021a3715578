package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.FetchMessages;
import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MessagePage;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * {@code GET /v1/messages?after=&limit=&wait=}: the caller's mailbox after a cursor, the long-poll fallback
 * of the WebSocket. It waits exactly like {@code GET /v1/events}: the same watch wakes it for both.
 */
final class FetchMessagesEndpoint implements Endpoint {
    private final FetchMessages fetchMessages;
    private final WatchEvents watchEvents;
    private final Duration maxWait;
    private final Executor worker;
    private final PendingPolls pending;

    FetchMessagesEndpoint(FetchMessages fetchMessages, WatchEvents watchEvents, Duration maxWait, Executor worker,
            PendingPolls pending) {
        this.fetchMessages = fetchMessages;
        this.watchEvents = watchEvents;
        this.maxWait = maxWait;
        this.worker = worker;
        this.pending = pending;
    }

    @Override
    public Reply handle(Call call) {
        Identity caller = call.caller();
        PollQuery query = PollQuery.of(call.query(), maxWait);
        MessagePage page = fetchMessages.fetch(caller, query.after(), query.limit());
        if (!page.messages().isEmpty() || !query.waits()) {
            return Reply.ok(MessagePageJson.from(page));
        }
        LongPoll<MessagePage> poll = new LongPoll<>(
                () -> fetchMessages.fetch(caller, query.after(), query.limit()),
                found -> !found.messages().isEmpty(),
                found -> Reply.ok(MessagePageJson.from(found)),
                Reply.ok(MessagePageJson.from(page)),
                worker);
        return new Reply.Pending(poll.start(watchEvents, caller, query.waitFor(), pending));
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.FetchMessages;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MessagePage;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.SessionMessage;
import java.util.OptionalLong;

/**
 * What one socket's owner has not been sent yet: its mailbox after a cursor and, when the client asked for
 * them, its offer events after another. Each collection reads on from where the last one stopped, so over
 * one connection every message goes out once, in sequence order; what the client did not acknowledge comes
 * again only on its next connection. A collection takes at most one page of each, so that one round's batch
 * stays small however much is waiting. Used by one round at a time.
 */
final class Deliveries {
    static final int PAGE = 100;

    private final Identity owner;
    private final FetchMessages fetchMessages;
    private final PollEvents pollEvents;
    private final boolean wantsEvents;
    private long mailboxCursor;
    private long eventCursor;

    /**
     * @param after       push mailbox messages with a sequence above this
     * @param eventsAfter push offer events above this; empty to push none (and not read them on every wake)
     */
    Deliveries(Identity owner, FetchMessages fetchMessages, PollEvents pollEvents, long after,
            OptionalLong eventsAfter) {
        this.owner = owner;
        this.fetchMessages = fetchMessages;
        this.pollEvents = pollEvents;
        this.mailboxCursor = after;
        this.wantsEvents = eventsAfter.isPresent();
        this.eventCursor = eventsAfter.orElse(0);
    }

    /**
     * Adds the next page of mailbox messages, then of offer events, to {@code out}, each in order. Returns
     * whether a page came back full, so that more may be waiting for the next round.
     */
    boolean collect(FrameBatch out) {
        MessagePage messages = fetchMessages.fetch(owner, mailboxCursor, PAGE);
        for (SessionMessage message : messages.messages()) {
            out.add(MessageJson.from(message));
        }
        mailboxCursor = Math.max(mailboxCursor, messages.cursor());
        boolean more = messages.messages().size() == PAGE;
        if (wantsEvents) {
            EventPage events = pollEvents.poll(owner, eventCursor, PAGE);
            for (OfferEvent event : events.events()) {
                out.add(new ServerFrame.OfferEvent(EventJson.from(event)));
            }
            eventCursor = Math.max(eventCursor, events.cursor());
            more |= events.events().size() == PAGE;
        }
        return more;
    }
}

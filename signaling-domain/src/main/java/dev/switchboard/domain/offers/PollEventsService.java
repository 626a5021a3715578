package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.OfferEvent;
import java.util.List;

/** Reads the caller's events after its cursor; the next cursor is the last sequence it was given. */
final class PollEventsService implements PollEvents {
    private final OfferStore offers;
    private final int maxPageSize;

    PollEventsService(OfferStore offers, int maxPageSize) {
        this.offers = offers;
        this.maxPageSize = maxPageSize;
    }

    @Override
    public EventPage poll(Identity caller, long afterSequence, int limit) {
        InputBounds.sequenceCursor(afterSequence);
        InputBounds.pageLimit(limit, maxPageSize);
        List<OfferEvent> events = offers.eventsFor(caller.keyId(), afterSequence, limit);
        long cursor = events.isEmpty() ? afterSequence : events.get(events.size() - 1).sequence();
        return new EventPage(events, cursor);
    }
}

package dev.switchboard.ports.model;

import java.util.List;

/** Events after a cursor, in sequence order, and the cursor to pass next time. */
public record EventPage(List<OfferEvent> events, long cursor) {
    public EventPage {
        events = List.copyOf(events);
        if (cursor < 0) {
            throw new IllegalArgumentException("cursor must not be negative");
        }
    }
}

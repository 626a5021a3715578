package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.Identity;

/** Returns at once the caller's events after a cursor: answers to its offers and the other sides' candidates. */
public interface PollEvents {
    EventPage poll(Identity caller, long afterSequence, int limit);
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MessagePage;

/**
 * Returns at once the caller's unacknowledged mailbox messages (signals and membership changes of every
 * session it is in) after a sequence. Counts as a sign of life for presence.
 */
public interface FetchMessages {
    MessagePage fetch(Identity caller, long afterSequence, int limit);
}

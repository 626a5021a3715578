package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Subscription;

/**
 * Tells a transport when the caller may have new events, so it can long-poll without blocking a thread:
 * subscribe, poll, and poll again on each wake-up. The listener must be quick and must not throw.
 */
public interface WatchEvents {
    Subscription watch(Identity caller, Runnable onEvent);
}

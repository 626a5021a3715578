package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Subscription;

/** Subscribes a transport to the wake-ups addressed to the caller's own key, and no one else's. */
final class WatchEventsService implements WatchEvents {
    private final EventPublisher events;

    WatchEventsService(EventPublisher events) {
        this.events = events;
    }

    @Override
    public Subscription watch(Identity caller, Runnable onEvent) {
        return events.subscribe(caller.keyId(), onEvent);
    }
}

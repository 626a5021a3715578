package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.Subscription;
import java.util.Set;

/**
 * Wakes whoever waits for events of a recipient. It carries no payload: events live in the stores, and a
 * woken reader reads them from there, so a lost or duplicated wake-up never loses or repeats an event.
 */
public interface EventPublisher {

    /** Wakes every current subscriber of each of {@code recipientKeyIds}. */
    void publish(Set<String> recipientKeyIds);

    /**
     * Calls {@code onEvent} after each publish naming {@code recipientKeyId}, until the subscription is
     * closed. The callback must be quick and must not throw; it may run on the publisher's thread.
     */
    Subscription subscribe(String recipientKeyId, Runnable onEvent);
}

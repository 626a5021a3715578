package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.WatchEvents;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link WatchEvents} the test wakes by hand, and that tells whether its subscriptions were closed. */
final class ManualWatch implements WatchEvents {
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    @Override
    public Subscription watch(Identity caller, Runnable onEvent) {
        Watcher watcher = new Watcher(caller, onEvent);
        watchers.add(watcher);
        return () -> watcher.open = false;
    }

    /** Wakes every open subscription, as a publisher would after an event. */
    void wake() {
        watchers.stream().filter(w -> w.open).forEach(w -> w.onEvent.run());
    }

    int subscriptions() {
        return watchers.size();
    }

    long openSubscriptions() {
        return watchers.stream().filter(w -> w.open).count();
    }

    List<Identity> watchedCallers() {
        return watchers.stream().map(w -> w.caller).toList();
    }

    private static final class Watcher {
        final Identity caller;
        final Runnable onEvent;
        volatile boolean open = true;

        Watcher(Identity caller, Runnable onEvent) {
            this.caller = caller;
            this.onEvent = onEvent;
        }
    }
}

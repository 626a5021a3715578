package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.model.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers in this JVM, by recipient key. Each key's subscribers are an immutable list replaced
 * atomically, so waking iterates a snapshot and calls back holding no lock; a callback may even subscribe
 * or close from inside, and one that throws costs the others nothing.
 */
final class LocalSubscribers {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSubscribers.class);

    private final ConcurrentMap<String, List<Watcher>> watchersByKey = new ConcurrentHashMap<>();

    Subscription subscribe(String recipientKeyId, Runnable onEvent) {
        Watcher watcher = new Watcher(recipientKeyId, onEvent);
        watchersByKey.compute(recipientKeyId, (key, watchers) -> with(watchers, watcher));
        return watcher;
    }

    /** Wakes every subscriber of each of {@code recipientKeyIds}. */
    void wake(Collection<String> recipientKeyIds) {
        for (String keyId : recipientKeyIds) {
            watchersByKey.getOrDefault(keyId, List.of()).forEach(Watcher::wake);
        }
    }

    /** Wakes every subscriber: after wake-ups may have been missed, each reader re-reads the store. */
    void wakeAll() {
        watchersByKey.values().forEach(watchers -> watchers.forEach(Watcher::wake));
    }

    /** How many keys have subscribers; for tests that prove closed subscriptions leave nothing behind. */
    int watchedKeys() {
        return watchersByKey.size();
    }

    private static List<Watcher> with(List<Watcher> watchers, Watcher added) {
        List<Watcher> grown = new ArrayList<>(watchers == null ? List.of() : watchers);
        grown.add(added);
        return List.copyOf(grown);
    }

    /** The list without {@code removed}, or null, which drops the key, when none remain. */
    private static List<Watcher> without(List<Watcher> watchers, Watcher removed) {
        List<Watcher> shrunk = new ArrayList<>(watchers);
        shrunk.remove(removed);
        return shrunk.isEmpty() ? null : List.copyOf(shrunk);
    }

    /** One subscription: its callback until closed. */
    private final class Watcher implements Subscription {
        private final String keyId;
        private final Runnable onEvent;
        private final AtomicBoolean open = new AtomicBoolean(true);

        Watcher(String keyId, Runnable onEvent) {
            this.keyId = Objects.requireNonNull(keyId, "recipientKeyId");
            this.onEvent = Objects.requireNonNull(onEvent, "onEvent");
        }

        void wake() {
            if (!open.get()) {
                return;
            }
            try {
                onEvent.run();
            } catch (RuntimeException e) {
                // The port forbids throwing callbacks; one that throws anyway must not cost the others their wake-up.
                LOG.warn("a subscriber of {} threw on wake-up", keyId, e);
            }
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                watchersByKey.computeIfPresent(keyId, (key, watchers) -> without(watchers, this));
            }
        }
    }
}

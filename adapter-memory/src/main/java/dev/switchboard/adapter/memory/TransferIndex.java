package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.TransferId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The transfers of each sender key or client address, so that counting one sender's transfers never walks
 * every transfer. Each key's set is immutable and replaced atomically; a key whose last transfer goes is dropped.
 */
final class TransferIndex {
    private final ConcurrentMap<String, Set<TransferId>> transfersByKey = new ConcurrentHashMap<>();

    void add(String key, TransferId id) {
        transfersByKey.compute(key, (k, ids) -> {
            Set<TransferId> grown = ids == null ? new HashSet<>() : new HashSet<>(ids);
            grown.add(id);
            return Set.copyOf(grown);
        });
    }

    void remove(String key, TransferId id) {
        transfersByKey.computeIfPresent(key, (k, ids) -> {
            Set<TransferId> shrunk = new HashSet<>(ids);
            shrunk.remove(id);
            return shrunk.isEmpty() ? null : Set.copyOf(shrunk);
        });
    }

    /** A snapshot of the key's transfers. */
    Set<TransferId> transfersOf(String key) {
        return transfersByKey.getOrDefault(key, Set.of());
    }

    int keys() {
        return transfersByKey.size();
    }
}

package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.SessionId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The sessions each key is a member of, so that work for one key never walks every session. Each key's
 * set is immutable and replaced atomically; a key whose last membership goes is dropped.
 */
final class MembershipIndex {
    private final ConcurrentMap<String, Set<SessionId>> sessionsByKey = new ConcurrentHashMap<>();

    void add(String keyId, SessionId sessionId) {
        sessionsByKey.compute(keyId, (key, sessions) -> {
            Set<SessionId> grown = sessions == null ? new HashSet<>() : new HashSet<>(sessions);
            grown.add(sessionId);
            return Set.copyOf(grown);
        });
    }

    void remove(String keyId, SessionId sessionId) {
        sessionsByKey.computeIfPresent(keyId, (key, sessions) -> {
            Set<SessionId> shrunk = new HashSet<>(sessions);
            shrunk.remove(sessionId);
            return shrunk.isEmpty() ? null : Set.copyOf(shrunk);
        });
    }

    /** A snapshot of the key's sessions. */
    Set<SessionId> sessionsOf(String keyId) {
        return sessionsByKey.getOrDefault(keyId, Set.of());
    }

    int keys() {
        return sessionsByKey.size();
    }
}

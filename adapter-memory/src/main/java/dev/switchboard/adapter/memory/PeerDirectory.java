package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.PeerStore.Claim;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * Which connection holds which peer id, one realm (API key) at a time. Every change to a realm runs inside
 * one {@link ConcurrentMap#compute} on its key, so a claim's token check, its realm count and its insert are
 * one step, and a realm left empty is dropped in the same step. Reads take no lock: each realm is a
 * concurrent map sorted by id, which is also the order discovery lists ids in.
 */
final class PeerDirectory {
    private final ConcurrentMap<String, ConcurrentSkipListMap<String, PeerConnection>> realms =
            new ConcurrentHashMap<>();

    Claim claim(PeerConnection connection, Instant seenAfter, int realmLimit) {
        String id = connection.peer().id().value();
        return inRealm(connection.peer().key(), realm -> {
            PeerConnection holder = realm.get(id);
            if (holder != null && isLive(holder, seenAfter)) {
                if (!holder.token().equals(connection.token())) {
                    return new Claim.IdTaken();
                }
                realm.put(id, connection);
                return new Claim.Claimed(Optional.of(holder));
            }
            // A new id (a stale holder counts as none). Counting walks the realm: claims are rare next to
            // messages, and a realm holds at most its limit of live connections.
            if (countLive(realm, seenAfter) >= realmLimit) {
                return new Claim.RealmFull();
            }
            realm.put(id, connection);
            return new Claim.Claimed(Optional.empty());
        });
    }

    Optional<PeerConnection> holder(PeerAddress peer) {
        var realm = realms.get(peer.key());
        return realm == null ? Optional.empty() : Optional.ofNullable(realm.get(peer.id().value()));
    }

    boolean isLive(PeerAddress peer, Instant seenAfter) {
        return holder(peer).filter(connection -> isLive(connection, seenAfter)).isPresent();
    }

    boolean touch(PeerAddress peer, String connectionId, Instant now) {
        String id = peer.id().value();
        return inRealm(peer.key(), realm -> {
            PeerConnection holder = realm.get(id);
            if (holder == null || !holder.connectionId().equals(connectionId)) {
                return false;
            }
            realm.put(id, seen(holder, now));
            return true;
        });
    }

    boolean release(PeerAddress peer, String connectionId) {
        String id = peer.id().value();
        return inRealm(peer.key(), realm -> {
            PeerConnection holder = realm.get(id);
            return holder != null && holder.connectionId().equals(connectionId) && realm.remove(id, holder);
        });
    }

    List<String> liveIds(String key, Instant seenAfter, int limit) {
        var realm = realms.get(key);
        if (realm == null) {
            return List.of();
        }
        return realm.values().stream()
                .filter(connection -> isLive(connection, seenAfter))
                .map(connection -> connection.peer().id().value())
                .limit(limit)
                .toList();
    }

    int deleteStale(Instant seenBefore) {
        int deleted = 0;
        for (String key : realms.keySet()) {
            deleted += inRealm(key, realm -> {
                int before = realm.size();
                realm.values().removeIf(connection -> connection.lastSeenAt().isBefore(seenBefore));
                return before - realm.size();
            });
        }
        return deleted;
    }

    int realmCount() {
        return realms.size();
    }

    int connectionCount() {
        return realms.values().stream().mapToInt(ConcurrentSkipListMap::size).sum();
    }

    private static boolean isLive(PeerConnection connection, Instant seenAfter) {
        return !connection.lastSeenAt().isBefore(seenAfter);
    }

    private static int countLive(ConcurrentSkipListMap<String, PeerConnection> realm, Instant seenAfter) {
        return (int) realm.values().stream().filter(connection -> isLive(connection, seenAfter)).count();
    }

    private static PeerConnection seen(PeerConnection connection, Instant now) {
        return new PeerConnection(connection.peer(), connection.token(), connection.connectionId(),
                connection.clientAddress(), connection.openedAt(), now);
    }

    /** Runs {@code change} on the realm {@code key} as one atomic step, dropping the realm if it ends empty. */
    @SuppressWarnings("unchecked")
    private <T> T inRealm(String key, Function<ConcurrentSkipListMap<String, PeerConnection>, T> change) {
        Object[] outcome = new Object[1];
        realms.compute(key, (k, realm) -> {
            var current = realm == null ? new ConcurrentSkipListMap<String, PeerConnection>() : realm;
            outcome[0] = change.apply(current);
            return current.isEmpty() ? null : current;
        });
        return (T) outcome[0];
    }
}

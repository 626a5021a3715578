package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.PEER_CONNECTIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_MESSAGES;

import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The PeerJS directory and queues in PostgreSQL, shared by every instance so that peers connected to different
 * instances reach each other. A claim runs in one transaction that takes the realm's advisory lock
 * ({@link PeerLocks#realm}) and then the id's row lock: the row decides ID-TAKEN, supersede or replace, and the
 * realm lock makes counting its live connections and adding one atomic. Touch and release are single
 * statements conditional on the connection id. The queues are {@link PeerQueues}'. See docs/postgres.md.
 */
final class PostgresPeerStore implements PeerStore {
    private final Database database;
    private final ExpirySweep sweep;

    PostgresPeerStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    /**
     * Claims of one realm queue on its advisory lock across instances, so two claims of one new id, or of the
     * realm's last free place, never both win. The lock is taken first, before the row lock, in every claim.
     */
    @Override
    public Claim claim(PeerConnection connection, Instant seenAfter, int realmLimit) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(seenAfter, "seenAfter");
        PeerAddress peer = connection.peer();
        return database.transaction(tx -> {
            PeerLocks.realm(tx, peer.key());
            Optional<PeerConnection> holder = tx.selectFrom(PEER_CONNECTIONS)
                    .where(PeerRows.connectionOf(peer))
                    .forUpdate()
                    .fetchOptional(PeerRows::connection);
            Optional<PeerConnection> live = holder.filter(held -> !held.lastSeenAt().isBefore(seenAfter));
            if (live.isPresent()) {
                if (!live.get().token().equals(connection.token())) {
                    return new Claim.IdTaken();
                }
                store(tx, connection);
                return new Claim.Claimed(live);
            }
            if (liveInRealm(tx, peer.key(), seenAfter, realmLimit) >= realmLimit) {
                return new Claim.RealmFull();
            }
            store(tx, connection);
            return new Claim.Claimed(Optional.empty());
        });
    }

    @Override
    public Optional<PeerConnection> holder(PeerAddress peer) {
        Objects.requireNonNull(peer, "peer");
        return database.statement(dsl -> dsl.selectFrom(PEER_CONNECTIONS)
                .where(PeerRows.connectionOf(peer))
                .fetchOptional(PeerRows::connection));
    }

    @Override
    public boolean touch(PeerAddress peer, String connectionId, Instant now) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(now, "now");
        return database.statement(dsl -> dsl.update(PEER_CONNECTIONS)
                .set(PEER_CONNECTIONS.LAST_SEEN_AT, now)
                .where(PeerRows.connectionOf(peer))
                .and(PEER_CONNECTIONS.CONNECTION_ID.eq(connectionId))
                .execute()) == 1;
    }

    @Override
    public boolean release(PeerAddress peer, String connectionId) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(connectionId, "connectionId");
        return database.statement(dsl -> dsl.deleteFrom(PEER_CONNECTIONS)
                .where(PeerRows.connectionOf(peer))
                .and(PEER_CONNECTIONS.CONNECTION_ID.eq(connectionId))
                .execute()) == 1;
    }

    @Override
    public Optional<PeerMessage> enqueue(PeerMessage message, int maxPerPeer, long maxTotal) {
        Objects.requireNonNull(message, "message");
        if (message.sequence() != 0) {
            throw new IllegalArgumentException("a message to enqueue must be new (sequence 0)");
        }
        return database.transaction(tx -> PeerQueues.append(tx, message, maxPerPeer, maxTotal));
    }

    @Override
    public List<PeerMessage> queued(PeerAddress recipient, long afterSequence, int limit) {
        Objects.requireNonNull(recipient, "recipient");
        return database.statement(dsl -> PeerQueues.read(dsl, recipient, afterSequence, limit));
    }

    @Override
    public int acknowledge(PeerAddress recipient, long upToSequence) {
        Objects.requireNonNull(recipient, "recipient");
        return database.transaction(tx -> PeerQueues.delete(tx, PeerRows.queueOf(recipient)
                .and(PEER_MESSAGES.SEQUENCE.le(upToSequence))));
    }

    @Override
    public List<PeerMessage> expireUndelivered(Instant queuedBefore, Instant seenAfter, int limit) {
        Objects.requireNonNull(queuedBefore, "queuedBefore");
        Objects.requireNonNull(seenAfter, "seenAfter");
        return database.transaction(tx -> PeerQueues.expire(tx, queuedBefore, seenAfter, limit));
    }

    @Override
    public List<String> liveIds(String key, Instant seenAfter, int limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(seenAfter, "seenAfter");
        if (limit <= 0) {
            return List.of();
        }
        // Walks the primary key (realm_key, peer_id) in id order, skipping stale rows, until the limit.
        return database.statement(dsl -> dsl.select(PEER_CONNECTIONS.PEER_ID)
                .from(PEER_CONNECTIONS)
                .where(PEER_CONNECTIONS.REALM_KEY.eq(key))
                .and(PEER_CONNECTIONS.LAST_SEEN_AT.ge(seenAfter))
                .orderBy(PEER_CONNECTIONS.PEER_ID)
                .limit(limit)
                .fetch(PEER_CONNECTIONS.PEER_ID));
    }

    @Override
    public int deleteStale(Instant seenBefore) {
        Objects.requireNonNull(seenBefore, "seenBefore");
        return sweep.peerConnectionsSeenBefore(seenBefore);
    }

    /** Live connections in realm {@code key}, counted up to {@code limit} (no need to count further). */
    private static int liveInRealm(DSLContext transaction, String key, Instant seenAfter, int limit) {
        return transaction.fetchCount(DSL.selectOne()
                .from(PEER_CONNECTIONS)
                .where(PEER_CONNECTIONS.REALM_KEY.eq(key))
                .and(PEER_CONNECTIONS.LAST_SEEN_AT.ge(seenAfter))
                .limit(Math.max(limit, 0)));
    }

    /** Writes {@code connection} as the id's holder, over any row there; only under the realm's lock. */
    private static void store(DSLContext transaction, PeerConnection connection) {
        var row = PeerRows.row(connection);
        transaction.insertInto(PEER_CONNECTIONS)
                .set(row)
                .onConflict(PEER_CONNECTIONS.REALM_KEY, PEER_CONNECTIONS.PEER_ID)
                .doUpdate()
                .set(row)
                .execute();
    }
}

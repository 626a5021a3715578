package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.PEER_CONNECTIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_MESSAGES;
import static dev.switchboard.adapter.postgres.schema.Tables.PEER_MESSAGE_TOTAL;

import dev.switchboard.adapter.postgres.schema.tables.PeerMessages;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The PeerJS queues in {@code peer_messages}, with their total in {@code peer_message_total}.
 *
 * <p>Appending takes the recipient's advisory lock ({@link PeerLocks#queue}) and holds it until commit: under
 * it the recipient's queue is counted (its bound holds against senders on any instance) and the sequence is
 * drawn, so a reader never sees a sequence while a smaller one for the same recipient can still commit (as in
 * {@link Mailboxes}). The total is one row that an append increments only while it stays below the bound
 * ({@code UPDATE ... WHERE queued < max}: concurrent appenders on any instance queue on its row lock and each
 * re-checks the committed count), and every delete decrements in the same transaction.
 *
 * <p>Lock order: an append takes the recipient's lock, then the total's row, and then only inserts a row
 * nobody else can see; a delete locks its message rows (in sequence order, or skipping locked ones), then
 * the total's row. No transaction holds the total's row while waiting for anything, so none deadlock.
 */
final class PeerQueues {
    private static final int TOTAL_ROW = 1;

    private PeerQueues() {}

    /**
     * Stores {@code message} with a new sequence unless its recipient holds {@code maxPerPeer} or all {@code maxTotal}.
     * After the recipient's lock, one statement counts the queue, reserves a place in the total and inserts: the
     * total's row is then held for that statement and the commit only.
     */
    static Optional<PeerMessage> append(DSLContext transaction, PeerMessage message, int maxPerPeer, long maxTotal) {
        PeerLocks.queue(transaction, message.recipient());
        // jOOQ's DSL has no data-modifying CTE: plain SQL, every value bound.
        return transaction.resultQuery("""
                        WITH held AS (
                            SELECT count(*) AS n
                            FROM (SELECT 1 FROM peer_messages WHERE realm_key = {0} AND dst = {1} LIMIT {2}) queue
                        ), reserved AS (
                            UPDATE peer_message_total SET queued = queued + 1
                            WHERE id = {3} AND queued < {4} AND (SELECT n FROM held) < {2}
                            RETURNING id
                        )
                        INSERT INTO peer_messages (sequence, realm_key, dst, src, type, payload, queued_at)
                        SELECT nextval('peer_message_sequence'), {0}, {1}, {5}, {6}, {7}, {8} FROM reserved
                        RETURNING sequence""",
                        DSL.val(message.key()), DSL.val(message.dst().value()), DSL.val(Math.max(maxPerPeer, 0)),
                        DSL.val((short) TOTAL_ROW), DSL.val(maxTotal), DSL.val(message.src().value()),
                        DSL.val(message.type().name()), DSL.val(message.payload()),
                        DSL.val(message.queuedAt(), PEER_MESSAGES.QUEUED_AT))
                .fetchOptional(0, Long.class)
                .map(message::withSequence);
    }

    /** Up to {@code limit} of the recipient's messages after {@code afterSequence}, in order. */
    static List<PeerMessage> read(DSLContext dsl, PeerAddress recipient, long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return dsl.selectFrom(PEER_MESSAGES)
                .where(PeerRows.queueOf(recipient))
                .and(PEER_MESSAGES.SEQUENCE.gt(afterSequence))
                .orderBy(PEER_MESSAGES.SEQUENCE)
                .limit(limit)
                .fetch(PeerRows::message);
    }

    /**
     * Deletes the messages matching {@code which}, locked in sequence order so that deletes over shared rows
     * never deadlock; returns how many this call deleted, and takes them off the total.
     */
    static int delete(DSLContext transaction, Condition which) {
        int deleted = transaction.deleteFrom(PEER_MESSAGES)
                .where(PEER_MESSAGES.SEQUENCE.in(DSL.select(PEER_MESSAGES.SEQUENCE)
                        .from(PEER_MESSAGES)
                        .where(which)
                        .orderBy(PEER_MESSAGES.SEQUENCE)
                        .forUpdate()))
                .execute();
        release(transaction, deleted);
        return deleted;
    }

    /**
     * Deletes and returns up to {@code limit} messages queued at or before {@code queuedBefore} whose recipient
     * has no connection seen at or after {@code seenAfter}, oldest first. The candidates are claimed with
     * {@code FOR UPDATE SKIP LOCKED}: of two instances expiring at once, each takes rows the other has not, and
     * a row an acknowledgement holds is left to it, so every message is returned once at most.
     */
    static List<PeerMessage> expire(DSLContext transaction, Instant queuedBefore, Instant seenAfter, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        PeerMessages queued = PEER_MESSAGES.as("queued");
        List<PeerMessage> expired = transaction.deleteFrom(PEER_MESSAGES)
                .where(PEER_MESSAGES.SEQUENCE.in(DSL.select(queued.SEQUENCE)
                        .from(queued)
                        .where(queued.QUEUED_AT.le(queuedBefore))
                        .andNotExists(DSL.selectOne()
                                .from(PEER_CONNECTIONS)
                                .where(PEER_CONNECTIONS.REALM_KEY.eq(queued.REALM_KEY))
                                .and(PEER_CONNECTIONS.PEER_ID.eq(queued.DST))
                                .and(PEER_CONNECTIONS.LAST_SEEN_AT.ge(seenAfter)))
                        .orderBy(queued.QUEUED_AT, queued.SEQUENCE)
                        .limit(limit)
                        .forUpdate()
                        .skipLocked()))
                .returning()
                .fetch(PeerRows::message)
                .stream()
                .sorted(Comparator.comparing(PeerMessage::queuedAt).thenComparingLong(PeerMessage::sequence))
                .toList();
        release(transaction, expired.size());
        return expired;
    }

    /** Takes {@code deleted} messages off the total; never below zero, should rows vanish behind its back. */
    private static void release(DSLContext transaction, int deleted) {
        if (deleted == 0) {
            return;
        }
        transaction.update(PEER_MESSAGE_TOTAL)
                .set(PEER_MESSAGE_TOTAL.QUEUED, DSL.greatest(PEER_MESSAGE_TOTAL.QUEUED.minus(deleted), DSL.inline(0L)))
                .where(PEER_MESSAGE_TOTAL.ID.eq((short) TOTAL_ROW))
                .execute();
    }
}

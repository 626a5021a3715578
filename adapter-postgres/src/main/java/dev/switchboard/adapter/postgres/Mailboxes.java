package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Sequences.MAILBOX_SEQUENCE;
import static dev.switchboard.adapter.postgres.schema.Tables.MAILBOX_MESSAGES;

import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.model.SessionMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The mailboxes in {@code mailbox_messages}: appending under per-recipient locks, reading, and deleting.
 *
 * <p>Every transaction that appends first takes a transaction-scoped advisory lock per recipient and holds
 * them until it commits. Under those locks it counts what the recipients hold (so the bound holds against
 * concurrent senders on any instance), draws sequences from {@code mailbox_sequence} and inserts. Why a
 * reader never sees a sequence while a smaller one can still appear for it: a sequence for recipient R is
 * drawn only under R's lock, and PostgreSQL makes a transaction visible before it releases its locks, so
 * whatever R may still receive is drawn later and is larger than everything R can read now. This is
 * {@link EventSequence}'s discipline, per recipient rather than database-wide, so appends to different
 * recipients run in parallel.
 *
 * <p>Locks are always taken in one order: the session's row first (by the caller), then the recipients'
 * advisory locks in ascending key order, after which an append waits for nothing else. Deletes lock their
 * rows in sequence order ({@link #delete}), so two deletes over shared rows cannot deadlock either.
 */
final class Mailboxes {
    /** The advisory locks' class: "mbox" in ASCII. The two-key lock space never overlaps the one-key space. */
    static final int LOCK_CLASS = 0x6d626f78;

    private Mailboxes() {}

    /**
     * Stores every message with sequences in the order given, unless a recipient would then hold more than
     * {@code maxPerRecipient}; then stores none and names the first such recipient in key order.
     */
    static Delivery append(DSLContext transaction, List<SessionMessage> messages, int maxPerRecipient) {
        if (messages.isEmpty()) {
            return new Delivery.Delivered(List.of());
        }
        SortedMap<String, Integer> incoming = new TreeMap<>();
        messages.forEach(message -> incoming.merge(message.recipientKeyId(), 1, Integer::sum));
        lock(transaction, incoming.keySet());
        Map<String, Integer> held = transaction.select(MAILBOX_MESSAGES.RECIPIENT_KEY_ID, DSL.count())
                .from(MAILBOX_MESSAGES)
                .where(MAILBOX_MESSAGES.RECIPIENT_KEY_ID.in(incoming.keySet()))
                .groupBy(MAILBOX_MESSAGES.RECIPIENT_KEY_ID)
                .fetchMap(MAILBOX_MESSAGES.RECIPIENT_KEY_ID, DSL.count());
        for (Map.Entry<String, Integer> recipient : incoming.entrySet()) {
            if ((long) held.getOrDefault(recipient.getKey(), 0) + recipient.getValue() > maxPerRecipient) {
                return new Delivery.MailboxFull(recipient.getKey());
            }
        }
        return new Delivery.Delivered(insert(transaction, messages));
    }

    /** Stores every message whatever the recipients hold: membership news is never refused, though it counts. */
    static void announce(DSLContext transaction, List<SessionMessage> news) {
        lock(transaction, news.stream().map(SessionMessage::recipientKeyId).toList());
        insert(transaction, news);
    }

    /** Up to {@code limit} of the recipient's messages after {@code afterSequence}, in order. */
    static List<SessionMessage> read(DSLContext dsl, String recipient, long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return dsl.selectFrom(MAILBOX_MESSAGES)
                .where(MAILBOX_MESSAGES.RECIPIENT_KEY_ID.eq(recipient))
                .and(MAILBOX_MESSAGES.SEQUENCE.gt(afterSequence))
                .orderBy(MAILBOX_MESSAGES.SEQUENCE)
                .limit(limit)
                .fetch(MessageRows::message);
    }

    /**
     * Deletes the messages matching {@code which}; returns how many. The rows are locked in sequence order
     * first, so that deletes over shared rows (acknowledgements, a leaver's purge, the sweep) never deadlock;
     * of two deletes of one row, only the one that deleted it counts it.
     */
    static int delete(DSLContext dsl, Condition which) {
        return dsl.deleteFrom(MAILBOX_MESSAGES)
                .where(MAILBOX_MESSAGES.SEQUENCE.in(DSL.select(MAILBOX_MESSAGES.SEQUENCE)
                        .from(MAILBOX_MESSAGES)
                        .where(which)
                        .orderBy(MAILBOX_MESSAGES.SEQUENCE)
                        .forUpdate()))
                .execute();
    }

    /** Draws sequences in order and inserts; only under the recipients' locks. */
    private static List<SessionMessage> insert(DSLContext transaction, List<SessionMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Long> sequences = transaction.nextvals(MAILBOX_SEQUENCE, messages.size()).stream().sorted().toList();
        List<SessionMessage> stored = new ArrayList<>(messages.size());
        IntStream.range(0, messages.size()).forEach(i -> stored.add(messages.get(i).withSequence(sequences.get(i))));
        MessageRows.insert(transaction, stored).execute();
        return stored;
    }

    /** Takes the recipients' advisory locks, in ascending lock-key order, for the rest of the transaction. */
    private static void lock(DSLContext transaction, Collection<String> recipients) {
        Integer[] keys = recipients.stream().map(Mailboxes::lockKey).distinct().sorted().toArray(Integer[]::new);
        if (keys.length == 0) {
            return;
        }
        Field<Integer> key = DSL.field(DSL.name("key"), Integer.class);
        Field<Long> position = DSL.field(DSL.name("position"), Long.class);
        // jOOQ has no API for advisory locks: call the built-in by name. The ordinality makes the order explicit.
        transaction.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.inline(LOCK_CLASS), key))
                .from(DSL.unnest(keys).withOrdinality().as("locks", key.getName(), position.getName()))
                .orderBy(position)
                .execute();
    }

    /**
     * A recipient's lock key: CRC-32C of its key id, the same on every instance. Two recipients whose keys
     * collide merely share a lock, which costs a little parallelism and nothing else.
     */
    static int lockKey(String recipient) {
        CRC32C crc = new CRC32C();
        crc.update(recipient.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}

package dev.switchboard.adapter.postgres;

import dev.switchboard.ports.model.PeerAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The transaction-scoped advisory locks of the PeerJS store, in the two-key space (class, key) like
 * {@link Mailboxes}' but with classes of their own, so they never meet the mailboxes' or the one-key locks
 * of {@link AdvisoryLock} and {@link EventSequence}. A key is CRC-32C of the realm (and peer id), the same on
 * every instance; two realms or peers whose keys collide merely share a lock.
 *
 * <p>Each transaction takes at most one of them, first, before any row lock, so nobody waits for one while
 * holding rows.
 */
final class PeerLocks {
    /** "prlm" in ASCII: a realm's claims of new ids, deciding its concurrent limit. */
    static final int REALM_CLASS = 0x70726c6d;
    /** "pmsg" in ASCII: a recipient's queue, deciding its bound and the order its sequences become visible. */
    static final int QUEUE_CLASS = 0x706d7367;

    private PeerLocks() {}

    /** Takes the lock of realm {@code key} until {@code transaction} ends. */
    static void realm(DSLContext transaction, String key) {
        take(transaction, REALM_CLASS, crc(key));
    }

    /** Takes the lock of {@code recipient}'s queue until {@code transaction} ends. */
    static void queue(DSLContext transaction, PeerAddress recipient) {
        // The separator cannot occur in a peer id, so no two addresses hash the same text.
        take(transaction, QUEUE_CLASS, crc(recipient.key() + '\n' + recipient.id().value()));
    }

    private static void take(DSLContext transaction, int lockClass, int key) {
        // jOOQ has no API for advisory locks: call the built-in by name, with inlined constants.
        transaction.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.inline(lockClass),
                DSL.inline(key))).execute();
    }

    private static int crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}

package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.PAIRING_SESSIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.SESSION_MEMBERS;

import dev.switchboard.ports.driven.SessionStore.SilentMember;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/** Signs of life in the session tables: marking a key's memberships seen, and finding members not seen lately. */
final class Presence {

    private Presence() {}

    /**
     * Marks every membership of {@code keyId} seen at {@code now} (never moving a sighting back) and pushes the
     * expiry of each of its open sessions, never past the hard expiry. It locks the key's sessions in id order
     * first, so that touches of keys sharing sessions cannot deadlock, and then changes only sessions the key
     * is still in.
     */
    static void touch(DSLContext transaction, String keyId, Instant now, Duration extension) {
        List<String> sessions = transaction.select(PAIRING_SESSIONS.ID).from(PAIRING_SESSIONS)
                .where(PAIRING_SESSIONS.ID.in(sessionsOf(keyId)))
                .orderBy(PAIRING_SESSIONS.ID)
                .forUpdate()
                .fetch(PAIRING_SESSIONS.ID);
        if (sessions.isEmpty()) {
            return;
        }
        transaction.update(SESSION_MEMBERS)
                .set(SESSION_MEMBERS.LAST_SEEN_AT, now)
                .where(SESSION_MEMBERS.SESSION_ID.in(sessions))
                .and(SESSION_MEMBERS.KEY_ID.eq(keyId))
                .and(SESSION_MEMBERS.LAST_SEEN_AT.lt(now))
                .execute();
        transaction.update(PAIRING_SESSIONS)
                .set(PAIRING_SESSIONS.EXPIRES_AT, DSL.greatest(PAIRING_SESSIONS.EXPIRES_AT,
                        DSL.least(DSL.val(now.plus(extension), PAIRING_SESSIONS.EXPIRES_AT),
                                PAIRING_SESSIONS.HARD_EXPIRES_AT)))
                .where(PAIRING_SESSIONS.ID.in(sessions))
                // A new statement sees a new snapshot: a membership that ended while this waited for the locks is gone.
                .and(PAIRING_SESSIONS.ID.in(sessionsOf(keyId)))
                .and(SessionRows.openAt(now))
                .execute();
    }

    /** Members of sessions open at {@code now} last seen before {@code seenBefore}, longest silent first. */
    static List<SilentMember> silentMembers(DSLContext dsl, Instant seenBefore, Instant now, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return dsl.select(SESSION_MEMBERS.SESSION_ID, SESSION_MEMBERS.MEMBER_ID, SESSION_MEMBERS.KEY_ID,
                        SESSION_MEMBERS.LAST_SEEN_AT)
                .from(SESSION_MEMBERS)
                .join(PAIRING_SESSIONS).on(PAIRING_SESSIONS.ID.eq(SESSION_MEMBERS.SESSION_ID))
                .where(SESSION_MEMBERS.LAST_SEEN_AT.lt(seenBefore))
                .and(SessionRows.openAt(now))
                .orderBy(SESSION_MEMBERS.LAST_SEEN_AT)
                .limit(limit)
                .fetch(row -> new SilentMember(new SessionId(row.value1()), new MemberId(row.value2()), row.value3(),
                        row.value4()));
    }

    static int countOpenSessionsHostedBy(DSLContext dsl, String keyId, Instant now) {
        return dsl.fetchCount(DSL.selectOne()
                .from(SESSION_MEMBERS)
                .join(PAIRING_SESSIONS).on(PAIRING_SESSIONS.ID.eq(SESSION_MEMBERS.SESSION_ID))
                .where(SESSION_MEMBERS.KEY_ID.eq(keyId))
                .and(SESSION_MEMBERS.HOST.isTrue())
                .and(SessionRows.openAt(now)));
    }

    /** The sessions {@code keyId} is a member of. */
    private static Select<Record1<String>> sessionsOf(String keyId) {
        return DSL.select(SESSION_MEMBERS.SESSION_ID).from(SESSION_MEMBERS).where(SESSION_MEMBERS.KEY_ID.eq(keyId));
    }
}

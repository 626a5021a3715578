package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.PAIRING_SESSIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.SESSION_MEMBERS;

import dev.switchboard.adapter.postgres.schema.tables.records.PairingSessionsRecord;
import dev.switchboard.adapter.postgres.schema.tables.records.SessionMembersRecord;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Reads and writes session rows with their member rows, and translates them to and from the ports' values.
 * Members are listed by their ordinal: the creator's members first, in the order given, then guests as they
 * joined.
 */
final class SessionRows {

    private SessionRows() {}

    /** Neither closed nor expired at {@code now}. */
    static Condition openAt(Instant now) {
        return PAIRING_SESSIONS.CLOSED_AT.isNull().and(PAIRING_SESSIONS.EXPIRES_AT.gt(now));
    }

    /** The one session matching {@code which}, with its members, read by one statement (so from one snapshot). */
    static Optional<PairingSession> find(DSLContext dsl, Condition which) {
        Result<Record> rows = dsl.select()
                .from(PAIRING_SESSIONS)
                .leftJoin(SESSION_MEMBERS).on(SESSION_MEMBERS.SESSION_ID.eq(PAIRING_SESSIONS.ID))
                .where(which)
                .orderBy(SESSION_MEMBERS.ORDINAL)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Member> members = rows.stream()
                .filter(row -> row.get(SESSION_MEMBERS.MEMBER_ID) != null)
                .map(row -> member(row.into(SESSION_MEMBERS)))
                .toList();
        return Optional.of(session(rows.get(0).into(PAIRING_SESSIONS), members));
    }

    /**
     * Locks the session's row for the rest of {@code transaction} if the session is open at {@code now}, and
     * returns it with its members. The members are read by a second statement, after the lock is granted:
     * its snapshot then holds every change committed before, whereas a join in the locking statement would
     * pair the newest session row with the members of the statement's older snapshot.
     */
    static Optional<PairingSession> lockIfOpen(DSLContext transaction, SessionId id, Instant now) {
        return transaction.selectFrom(PAIRING_SESSIONS)
                .where(PAIRING_SESSIONS.ID.eq(id.value()))
                .and(openAt(now))
                .forUpdate()
                .fetchOptional()
                .map(row -> session(row, transaction.selectFrom(SESSION_MEMBERS)
                        .where(SESSION_MEMBERS.SESSION_ID.eq(id.value()))
                        .orderBy(SESSION_MEMBERS.ORDINAL)
                        .fetch(SessionRows::member)));
    }

    /**
     * Inserts the session holding its code, unless another session holds the code (the unique
     * {@code live_code} decides between concurrent inserts); returns whether it inserted.
     */
    static boolean insertIfCodeFree(DSLContext transaction, PairingSession session) {
        return transaction.insertInto(PAIRING_SESSIONS)
                .set(PAIRING_SESSIONS.ID, session.id().value())
                .set(PAIRING_SESSIONS.CODE, session.code().value())
                .set(PAIRING_SESSIONS.LIVE_CODE, session.code().value())
                .set(PAIRING_SESSIONS.CAPACITY, session.capacity())
                .set(PAIRING_SESSIONS.CREATED_AT, session.createdAt())
                .set(PAIRING_SESSIONS.EXPIRES_AT, session.expiresAt())
                .set(PAIRING_SESSIONS.HARD_EXPIRES_AT, session.hardExpiresAt())
                .set(PAIRING_SESSIONS.CLOSED_AT, session.closedAt().orElse(null))
                .onConflict(PAIRING_SESSIONS.LIVE_CODE)
                .doNothing()
                .execute() == 1;
    }

    /** Inserts the members of a new session, numbered in the order given. */
    static void insertMembers(DSLContext transaction, SessionId id, List<Member> members) {
        if (members.isEmpty()) {
            return;
        }
        var insert = transaction.insertInto(SESSION_MEMBERS, SESSION_MEMBERS.SESSION_ID, SESSION_MEMBERS.MEMBER_ID,
                SESSION_MEMBERS.KEY_ID, SESSION_MEMBERS.HOST, SESSION_MEMBERS.ORDINAL, SESSION_MEMBERS.JOINED_AT,
                SESSION_MEMBERS.LAST_SEEN_AT);
        for (int ordinal = 0; ordinal < members.size(); ordinal++) {
            Member member = members.get(ordinal);
            insert = insert.values(id.value(), member.id().value(), member.keyId(), member.host(), ordinal,
                    member.joinedAt(), member.lastSeenAt());
        }
        insert.execute();
    }

    /** Inserts a member after every present one; only under the session's row lock, which makes the ordinal safe. */
    static void insertMember(DSLContext transaction, SessionId id, Member member) {
        transaction.insertInto(SESSION_MEMBERS)
                .set(SESSION_MEMBERS.SESSION_ID, id.value())
                .set(SESSION_MEMBERS.MEMBER_ID, member.id().value())
                .set(SESSION_MEMBERS.KEY_ID, member.keyId())
                .set(SESSION_MEMBERS.HOST, member.host())
                .set(SESSION_MEMBERS.ORDINAL, DSL.select(DSL.coalesce(DSL.max(SESSION_MEMBERS.ORDINAL), -1).plus(1))
                        .from(SESSION_MEMBERS)
                        .where(SESSION_MEMBERS.SESSION_ID.eq(id.value())))
                .set(SESSION_MEMBERS.JOINED_AT, member.joinedAt())
                .set(SESSION_MEMBERS.LAST_SEEN_AT, member.lastSeenAt())
                .execute();
    }

    static PairingSession session(PairingSessionsRecord row, List<Member> members) {
        return new PairingSession(
                new SessionId(row.getId()),
                new InviteCode(row.getCode()),
                row.getCapacity(),
                row.getCreatedAt(),
                row.getExpiresAt(),
                row.getHardExpiresAt(),
                Optional.ofNullable(row.getClosedAt()),
                members);
    }

    static Member member(SessionMembersRecord row) {
        return new Member(new MemberId(row.getMemberId()), row.getKeyId(), row.getHost(), row.getJoinedAt(),
                row.getLastSeenAt());
    }
}

package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.MAILBOX_MESSAGES;
import static dev.switchboard.adapter.postgres.schema.Tables.PAIRING_SESSIONS;
import static dev.switchboard.adapter.postgres.schema.Tables.SESSION_MEMBERS;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Kind;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.model.SessionMessage.MembershipChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The pairing sessions in PostgreSQL, with every race decided by the database so that any number of
 * instances may share it. Each change to a session runs in one transaction that first locks the session's
 * row ({@link SessionRows#lockIfOpen}): that decides capacity, one membership per key, and openness. Messages
 * then go through {@link Mailboxes}, whose per-recipient locks keep the mailbox bound and the order in which
 * sequences become visible. The unique {@code live_code} decides who holds an invite code. See
 * docs/postgres.md for each race and its SQL.
 */
final class PostgresSessionStore implements SessionStore {
    private final Database database;
    private final ExpirySweep sweep;

    PostgresSessionStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    /**
     * A holder whose session expired gives the code up first (its row lock orders concurrent creators); an
     * open holder keeps it, and then the insert does nothing.
     */
    @Override
    public boolean createIfCodeFree(PairingSession session, Instant now) {
        return database.transaction(tx -> {
            tx.update(PAIRING_SESSIONS)
                    .setNull(PAIRING_SESSIONS.LIVE_CODE)
                    .where(PAIRING_SESSIONS.LIVE_CODE.eq(session.code().value()))
                    .and(PAIRING_SESSIONS.EXPIRES_AT.le(now))
                    .execute();
            try {
                if (!SessionRows.insertIfCodeFree(tx, session)) {
                    return false;
                }
            } catch (DataAccessException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("session " + session.id() + " already exists", e);
                }
                throw e;
            }
            SessionRows.insertMembers(tx, session.id(), session.members());
            return true;
        });
    }

    @Override
    public Optional<PairingSession> find(SessionId id) {
        return database.statement(dsl -> SessionRows.find(dsl, PAIRING_SESSIONS.ID.eq(id.value())));
    }

    @Override
    public Optional<PairingSession> findOpenByCode(InviteCode code, Instant now) {
        return database.statement(dsl ->
                SessionRows.find(dsl, PAIRING_SESSIONS.LIVE_CODE.eq(code.value()).and(SessionRows.openAt(now))));
    }

    @Override
    public JoinAttempt addMemberIfRoom(SessionId id, Member member, Instant now, Duration extension) {
        return whileOpen(id, now, JoinAttempt.Gone::new, (tx, session) -> {
            Optional<Member> existing = session.memberWithKey(member.keyId());
            if (existing.isPresent()) {
                return new JoinAttempt.AlreadyMember(session, existing.get());
            }
            if (session.isFull()) {
                return new JoinAttempt.Full();
            }
            if (session.member(member.id()).isPresent()) {
                throw new IllegalArgumentException("member id " + member.id() + " is taken in session " + id);
            }
            SessionRows.insertMember(tx, id, member);
            List<Member> members = new ArrayList<>(session.members());
            members.add(member);
            PairingSession joined = extended(tx, replace(session, session.expiresAt(), members), now, extension);
            Mailboxes.announce(tx, session.members().stream()
                    .map(recipient -> news(id, recipient, Kind.PEER_JOINED, member.id(), null, now))
                    .toList());
            return new JoinAttempt.Joined(joined);
        });
    }

    @Override
    public Optional<PairingSession> removeMember(SessionId id, MemberId member, LeaveReason reason, Instant now) {
        return whileOpen(id, now, Optional::empty, (tx, session) -> {
            Optional<Member> leaver = session.member(member);
            if (leaver.isEmpty()) {
                return Optional.empty();
            }
            tx.deleteFrom(SESSION_MEMBERS)
                    .where(SESSION_MEMBERS.SESSION_ID.eq(id.value()))
                    .and(SESSION_MEMBERS.MEMBER_ID.eq(member.value()))
                    .execute();
            Mailboxes.delete(tx, MAILBOX_MESSAGES.SESSION_ID.eq(id.value())
                    .and(MAILBOX_MESSAGES.RECIPIENT_KEY_ID.eq(leaver.get().keyId())));
            List<Member> remaining = session.members().stream().filter(m -> !m.id().equals(member)).toList();
            Mailboxes.announce(tx, remaining.stream()
                    .map(recipient -> news(id, recipient, Kind.PEER_LEFT, member, reason, now))
                    .toList());
            return Optional.of(replace(session, session.expiresAt(), remaining));
        });
    }

    /** Kept until {@code retainUntil} but never past the hard expiry; the code is free from now on. */
    @Override
    public Optional<PairingSession> close(SessionId id, Instant now, Instant retainUntil) {
        return whileOpen(id, now, Optional::empty, (tx, session) -> {
            Instant keptUntil = retainUntil.isAfter(session.hardExpiresAt()) ? session.hardExpiresAt() : retainUntil;
            tx.update(PAIRING_SESSIONS)
                    .set(PAIRING_SESSIONS.CLOSED_AT, now)
                    .set(PAIRING_SESSIONS.EXPIRES_AT, keptUntil)
                    .setNull(PAIRING_SESSIONS.LIVE_CODE)
                    .where(PAIRING_SESSIONS.ID.eq(id.value()))
                    .execute();
            Mailboxes.announce(tx, session.members().stream()
                    .map(recipient -> news(id, recipient, Kind.SESSION_CLOSED, recipient.id(),
                            LeaveReason.SESSION_CLOSED, now))
                    .toList());
            return Optional.of(new PairingSession(id, session.code(), session.capacity(), session.createdAt(),
                    keptUntil, session.hardExpiresAt(), Optional.of(now), session.members()));
        });
    }

    @Override
    public Delivery deliver(SessionId id, List<SessionMessage> messages, Instant now, Duration extension,
            int maxQueuedPerRecipient) {
        messages.forEach(message -> requireUnsent(id, message));
        return whileOpen(id, now, Delivery.Gone::new, (tx, session) -> {
            requireMembers(session, messages);
            Delivery delivery = Mailboxes.append(tx, messages, maxQueuedPerRecipient);
            if (delivery instanceof Delivery.Delivered) {
                extended(tx, session, now, extension);
            }
            return delivery;
        });
    }

    @Override
    public List<SessionMessage> messagesFor(String recipientKeyId, long afterSequence, int limit) {
        return database.statement(dsl -> Mailboxes.read(dsl, recipientKeyId, afterSequence, limit));
    }

    @Override
    public int acknowledge(String recipientKeyId, long upToSequence) {
        return database.statement(dsl -> Mailboxes.delete(dsl, MAILBOX_MESSAGES.RECIPIENT_KEY_ID.eq(recipientKeyId)
                .and(MAILBOX_MESSAGES.SEQUENCE.le(upToSequence))));
    }

    @Override
    public void touch(String keyId, Instant now, Duration extension) {
        Objects.requireNonNull(keyId, "keyId");
        database.transaction(tx -> {
            Presence.touch(tx, keyId, now, extension);
            return null;
        });
    }

    @Override
    public List<SilentMember> silentMembers(Instant seenBefore, Instant now, int limit) {
        return database.statement(dsl -> Presence.silentMembers(dsl, seenBefore, now, limit));
    }

    @Override
    public int countOpenSessionsHostedBy(String keyId, Instant now) {
        return database.statement(dsl -> Presence.countOpenSessionsHostedBy(dsl, keyId, now));
    }

    @Override
    public int deleteExpired(Instant now) {
        return sweep.sessionsExpiredAt(now);
    }

    /** Runs {@code change} in one transaction holding the session's row lock, if the session is open at {@code now}. */
    private <T> T whileOpen(SessionId id, Instant now, Supplier<T> gone, Change<T> change) {
        return database.transaction(tx -> SessionRows.lockIfOpen(tx, id, now)
                .map(session -> change.apply(tx, session))
                .orElseGet(gone));
    }

    /** The session with its expiry pushed for activity at {@code now}, stored if it moved; under its row lock. */
    private static PairingSession extended(DSLContext tx, PairingSession session, Instant now, Duration extension) {
        Instant expiry = session.extendedExpiry(now, extension);
        if (expiry.equals(session.expiresAt())) {
            return session;
        }
        tx.update(PAIRING_SESSIONS)
                .set(PAIRING_SESSIONS.EXPIRES_AT, expiry)
                .where(PAIRING_SESSIONS.ID.eq(session.id().value()))
                .execute();
        return replace(session, expiry, session.members());
    }

    private static PairingSession replace(PairingSession session, Instant expiresAt, List<Member> members) {
        return new PairingSession(session.id(), session.code(), session.capacity(), session.createdAt(), expiresAt,
                session.hardExpiresAt(), session.closedAt(), members);
    }

    /** Refuses messages to a non-member, or signals from one: either may have left meanwhile. */
    private static void requireMembers(PairingSession session, List<SessionMessage> messages) {
        for (SessionMessage message : messages) {
            if (session.memberWithKey(message.recipientKeyId()).isEmpty()) {
                throw new SignalingException(ErrorCode.RECIPIENT_NOT_A_MEMBER, "the recipient is not in the session");
            }
            if (message instanceof SessionMessage.Signal signal && session.member(signal.from()).isEmpty()) {
                throw new SignalingException(ErrorCode.NOT_A_MEMBER, "the sender is not in the session");
            }
        }
    }

    private static void requireUnsent(SessionId id, SessionMessage message) {
        Objects.requireNonNull(message, "message");
        if (message.sequence() != 0 || !message.sessionId().equals(id)) {
            throw new IllegalArgumentException("messages must be new (sequence 0) and of session " + id);
        }
    }

    private static SessionMessage news(
            SessionId id, Member recipient, Kind kind, MemberId about, LeaveReason reason, Instant now) {
        return new MembershipChange(0, id, recipient.keyId(), kind, about, Optional.ofNullable(reason), now);
    }

    /** A change to one open session, made under its row lock. */
    @FunctionalInterface
    private interface Change<T> {
        T apply(DSLContext transaction, PairingSession session);
    }
}

package dev.switchboard.adapter.memory;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pairing sessions in memory, locked per session and per mailbox, never store-wide:
 * <ul>
 *   <li>every change to a session (join, leave, close, deliver, touch, sweep) runs under its
 *       {@link SessionSlot}'s lock, which decides capacity, membership and openness, so sessions never wait
 *       for each other;</li>
 *   <li>storing messages then locks the recipients' mailboxes in key order and draws their sequences from
 *       the one counter meanwhile ({@link Mailboxes}), which is what keeps every reader free of gaps
 *       filled later; no one takes a session lock while holding a mailbox lock, so this cannot deadlock;</li>
 *   <li>reads ({@code find}, {@code findOpenByCode}, {@code messagesFor}) take no lock at all.</li>
 * </ul>
 * The live-code index changes only inside {@code compute} on the code, so one live code never maps to two
 * sessions. {@code silentMembers} and {@code deleteExpired} walk every session: they run periodically,
 * whereas an index by time would cost every touch and delivery extra writes.
 */
final class InMemorySessionStore implements SessionStore {
    private final ConcurrentMap<SessionId, SessionSlot> sessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<InviteCode, SessionId> liveCodes = new ConcurrentHashMap<>();
    private final MembershipIndex memberships = new MembershipIndex();
    private final Mailboxes mailboxes = new Mailboxes();

    @Override
    public boolean createIfCodeFree(PairingSession session, Instant now) {
        boolean[] created = {false};
        liveCodes.compute(session.code(), (code, holder) -> {
            if (holder != null && find(holder).filter(it -> it.isOpenAt(now)).isPresent()) {
                return holder;
            }
            if (sessions.putIfAbsent(session.id(), new SessionSlot(session)) != null) {
                throw new IllegalStateException("session " + session.id() + " already exists");
            }
            session.members().forEach(member -> memberships.add(member.keyId(), session.id()));
            created[0] = true;
            return session.id();
        });
        return created[0];
    }

    @Override
    public Optional<PairingSession> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).map(SessionSlot::current);
    }

    @Override
    public Optional<PairingSession> findOpenByCode(InviteCode code, Instant now) {
        return Optional.ofNullable(liveCodes.get(code)).flatMap(this::find).filter(it -> it.isOpenAt(now));
    }

    @Override
    public JoinAttempt addMemberIfRoom(SessionId id, Member member, Instant now, Duration extension) {
        return whileOpen(id, now, JoinAttempt.Gone::new, slot -> {
            PairingSession session = slot.current();
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
            PairingSession joined = slot.join(member, now, extension);
            memberships.add(member.keyId(), id);
            announce(session.members(), recipient -> news(id, recipient.keyId(), Kind.PEER_JOINED, member.id(),
                    Optional.empty(), now));
            return new JoinAttempt.Joined(joined);
        });
    }

    @Override
    public Optional<PairingSession> removeMember(SessionId id, MemberId member, LeaveReason reason, Instant now) {
        return whileOpen(id, now, Optional::empty, slot -> {
            Optional<Member> leaver = slot.current().member(member);
            if (leaver.isEmpty()) {
                return Optional.empty();
            }
            PairingSession remaining = slot.leave(member);
            forget(id, leaver.get());
            announce(remaining.members(), recipient -> news(id, recipient.keyId(), Kind.PEER_LEFT, member,
                    Optional.of(reason), now));
            return Optional.of(remaining);
        });
    }

    @Override
    public Optional<PairingSession> close(SessionId id, Instant now, Instant retainUntil) {
        return whileOpen(id, now, Optional::empty, slot -> {
            PairingSession closed = slot.close(now, retainUntil);
            liveCodes.remove(closed.code(), id);
            announce(closed.members(), recipient -> news(id, recipient.keyId(), Kind.SESSION_CLOSED,
                    recipient.id(), Optional.of(LeaveReason.SESSION_CLOSED), now));
            return Optional.of(closed);
        });
    }

    @Override
    public Delivery deliver(SessionId id, List<SessionMessage> messages, Instant now, Duration extension,
            int maxQueuedPerRecipient) {
        messages.forEach(message -> requireUnsent(id, message));
        return whileOpen(id, now, Delivery.Gone::new, slot -> {
            slot.requireMembers(messages);
            Delivery delivery = mailboxes.append(messages, maxQueuedPerRecipient);
            if (delivery instanceof Delivery.Delivered) {
                slot.extend(now, extension);
            }
            return delivery;
        });
    }

    @Override
    public List<SessionMessage> messagesFor(String recipientKeyId, long afterSequence, int limit) {
        return mailboxes.read(recipientKeyId, afterSequence, limit);
    }

    @Override
    public int acknowledge(String recipientKeyId, long upToSequence) {
        return mailboxes.acknowledge(recipientKeyId, upToSequence);
    }

    @Override
    public void touch(String keyId, Instant now, Duration extension) {
        for (SessionId id : memberships.sessionsOf(keyId)) {
            SessionSlot slot = sessions.get(id);
            if (slot == null) {
                continue;
            }
            slot.lock();
            try {
                if (!slot.isSwept()) {
                    slot.seen(keyId, now, extension);
                }
            } finally {
                slot.unlock();
            }
        }
    }

    @Override
    public List<SilentMember> silentMembers(Instant seenBefore, Instant now, int limit) {
        List<SilentMember> silent = new ArrayList<>();
        for (SessionSlot slot : sessions.values()) {
            PairingSession session = slot.current();
            if (!session.isOpenAt(now)) {
                continue;
            }
            for (Member member : session.members()) {
                if (silent.size() >= limit) {
                    return silent;
                }
                if (member.lastSeenAt().isBefore(seenBefore)) {
                    silent.add(new SilentMember(session.id(), member.id(), member.keyId(), member.lastSeenAt()));
                }
            }
        }
        return silent;
    }

    @Override
    public int countOpenSessionsHostedBy(String keyId, Instant now) {
        return (int) memberships.sessionsOf(keyId).stream()
                .flatMap(id -> find(id).stream())
                .filter(session -> session.isOpenAt(now))
                .filter(session -> session.memberWithKey(keyId).filter(Member::host).isPresent())
                .count();
    }

    /** Takes one session's lock at a time, so that a large sweep never stalls a session for long. */
    @Override
    public int deleteExpired(Instant now) {
        int swept = 0;
        for (SessionSlot slot : sessions.values()) {
            if (slot.current().isExpiredAt(now) && locked(slot, () -> sweepIfExpired(slot, now))) {
                swept++;
            }
        }
        return swept;
    }

    /** How many sessions are open at {@code now}; walks every session. */
    long countOpen(Instant now) {
        return sessions.values().stream().filter(slot -> slot.current().isOpenAt(now)).count();
    }

    /** How many messages wait in mailboxes, unacknowledged; walks every message. */
    long countQueuedMessages() {
        return mailboxes.messages();
    }

    /** What the store holds, index entries included; for tests that prove nothing outlives its session. */
    Footprint footprint() {
        return new Footprint(
                sessions.size(), liveCodes.size(), memberships.keys(), mailboxes.recipients(), mailboxes.messages());
    }

    private boolean sweepIfExpired(SessionSlot slot, Instant now) {
        PairingSession session = slot.current();
        if (slot.isSwept() || !session.isExpiredAt(now)) {
            return false;
        }
        slot.markSwept();
        sessions.remove(session.id(), slot);
        liveCodes.remove(session.code(), session.id());
        session.members().forEach(member -> forget(session.id(), member));
        return true;
    }

    /** Drops a membership from the key index with the member's unread messages of the session. */
    private void forget(SessionId id, Member member) {
        memberships.remove(member.keyId(), id);
        mailboxes.purge(member.keyId(), id);
    }

    /** Tells members of a change; news bypasses the mailbox bound, so no announcement is ever lost. */
    private void announce(List<Member> recipients, Function<Member, SessionMessage> news) {
        if (!recipients.isEmpty()) {
            mailboxes.append(recipients.stream().map(news).toList(), Integer.MAX_VALUE);
        }
    }

    /** Runs {@code change} under the session's lock if the session is open at {@code now}. */
    private <T> T whileOpen(SessionId id, Instant now, Supplier<T> gone, Function<SessionSlot, T> change) {
        SessionSlot slot = sessions.get(id);
        if (slot == null) {
            return gone.get();
        }
        return locked(slot, () -> slot.isOpenAt(now) ? change.apply(slot) : gone.get());
    }

    private static <T> T locked(SessionSlot slot, Supplier<T> action) {
        slot.lock();
        try {
            return action.get();
        } finally {
            slot.unlock();
        }
    }

    private static MembershipChange news(SessionId id, String recipientKeyId, Kind kind, MemberId member,
            Optional<LeaveReason> reason, Instant now) {
        return new MembershipChange(0, id, recipientKeyId, kind, member, reason, now);
    }

    private static void requireUnsent(SessionId id, SessionMessage message) {
        Objects.requireNonNull(message, "message");
        if (message.sequence() != 0 || !message.sessionId().equals(id)) {
            throw new IllegalArgumentException("messages must be new (sequence 0) and of session " + id);
        }
    }

    /** Counts of what the store holds: sessions, live codes, keys with memberships, mailboxes and messages. */
    record Footprint(int sessions, int liveCodes, int indexedKeys, int mailboxes, int messages) {
        static final Footprint EMPTY = new Footprint(0, 0, 0, 0, 0);
    }
}

package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.driven.SessionStore.JoinAttempt;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Kind;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.model.SessionMessage.MembershipChange;
import dev.switchboard.ports.testing.SessionFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** What every group of the session store contract shares: a store per test and steps that must succeed. */
abstract class SessionStoreRules {
    /** How far activity pushes a session's expiry from now: as far as a fixture session's own TTL. */
    static final Duration EXTENSION = Duration.ofMinutes(5);
    /** A mailbox bound and page size high enough never to matter where a test is not about them. */
    static final int ROOMY = 100_000;

    SessionStore store;

    protected abstract SessionStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    /** Stores the session at {@link SessionFixtures#NOW} and returns it. */
    PairingSession create(SessionFixtures.Builder session) {
        PairingSession built = session.build();
        assertThat(store.createIfCodeFree(built, NOW)).isTrue();
        return built;
    }

    /** A session with room for exactly its host and {@code guests} random guests, all in it. */
    PairingSession room(int guests) {
        PairingSession session = create(aSession().capacity(Math.max(2, guests + 1)));
        for (int i = 0; i < guests; i++) {
            join(session, randomKeyId());
        }
        return current(session);
    }

    /** {@link #room(int)} with every mailbox emptied of its {@code peer-joined} messages. */
    PairingSession quietRoom(int guests) {
        PairingSession session = room(guests);
        session.members().forEach(member -> store.acknowledge(member.keyId(), Long.MAX_VALUE));
        return session;
    }

    /** Joins at {@link SessionFixtures#NOW} and returns the new member. */
    Member join(PairingSession session, String keyId) {
        return join(session, keyId, NOW);
    }

    Member join(PairingSession session, String keyId, Instant at) {
        Member member = aMember(keyId, at);
        assertThat(store.addMemberIfRoom(session.id(), member, at, EXTENSION)).isInstanceOf(JoinAttempt.Joined.class);
        return member;
    }

    PairingSession current(PairingSession session) {
        return store.find(session.id()).orElseThrow();
    }

    /** Delivers messages of one session at {@link SessionFixtures#NOW} and returns them as stored. */
    List<SessionMessage> send(SessionMessage... messages) {
        Delivery delivery = store.deliver(messages[0].sessionId(), List.of(messages), NOW, EXTENSION, ROOMY);
        assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
        return ((Delivery.Delivered) delivery).messages();
    }

    List<SessionMessage> allMessagesFor(String keyId) {
        return store.messagesFor(keyId, 0, ROOMY);
    }

    /** The messages with sequence 0, to compare them with expected ones whose sequences are unknown. */
    static List<SessionMessage> unsequenced(List<SessionMessage> messages) {
        return messages.stream().map(message -> message.withSequence(0)).toList();
    }

    /** {@code peer-joined} about {@code joiner} as {@code recipient} receives it, without its sequence. */
    static SessionMessage joinedNews(PairingSession session, Member recipient, Member joiner) {
        return new MembershipChange(0, session.id(), recipient.keyId(), Kind.PEER_JOINED, joiner.id(),
                Optional.empty(), NOW);
    }

    /** {@code peer-left} about {@code leaver} as {@code recipient} receives it, without its sequence. */
    static SessionMessage leftNews(
            PairingSession session, Member recipient, Member leaver, LeaveReason reason, Instant at) {
        return new MembershipChange(0, session.id(), recipient.keyId(), Kind.PEER_LEFT, leaver.id(),
                Optional.of(reason), at);
    }

    /**
     * {@code session-closed} as {@code recipient} receives it, without its sequence: about the recipient's own
     * membership, which ended because the session closed.
     */
    static SessionMessage closedNews(PairingSession session, Member recipient, Instant at) {
        return new MembershipChange(0, session.id(), recipient.keyId(), Kind.SESSION_CLOSED, recipient.id(),
                Optional.of(LeaveReason.SESSION_CLOSED), at);
    }

    static Member host(PairingSession session) {
        return session.members().get(0);
    }

    /** The {@code n}-th guest, counting from 1, in the order they joined. */
    static Member guest(PairingSession session, int n) {
        return session.members().get(n);
    }

    static Member guest(PairingSession session) {
        return guest(session, 1);
    }
}

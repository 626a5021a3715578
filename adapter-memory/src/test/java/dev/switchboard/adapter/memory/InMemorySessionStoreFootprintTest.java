package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.LIFETIME;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.TTL;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemorySessionStore.Footprint;
import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Nothing of a session, membership or message outlives it in memory: no index entry, no empty mailbox. */
class InMemorySessionStoreFootprintTest {
    private static final Duration EXTENSION = Duration.ofMinutes(5);
    private static final int ROOMY = 100_000;

    private final InMemorySessionStore store = new InMemorySessionStore();

    @Test
    void holdsOneMailboxPerRecipientWithEachOfItsMessages() {
        Pair pair = pair();
        deliver(pair.session(), aSignal(pair.session().id(), pair.host(), pair.guest()),
                aSignal(pair.session().id(), pair.host(), pair.guest()));

        // The host: peer-joined; the guest: two signals.
        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 2, 2, 3));
    }

    @Test
    void leavesNothingBehindWhenOpenAndClosedSessionsAreSwept() {
        busyPair();
        Pair closed = busyPair();
        store.close(closed.session().id(), NOW, NOW.plus(TTL));

        store.deleteExpired(NOW.plus(LIFETIME));

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void dropsAMailboxOnceEverythingInItIsAcknowledged() {
        Pair pair = busyPair();

        store.acknowledge(pair.guest().keyId(), Long.MAX_VALUE);
        store.acknowledge(pair.host().keyId(), Long.MAX_VALUE);

        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 2, 0, 0));
    }

    @Test
    void forgetsALeaverWhoseOnlySessionItWas() {
        Pair pair = busyPair();

        store.removeMember(pair.session().id(), pair.guest().id(), LeaveReason.LEFT, NOW);

        // Left: the host's key and mailbox, with peer-joined, the guest's signal and peer-left.
        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 1, 1, 3));
    }

    @Test
    void forgetsTheCodeOfAClosedSession() {
        Pair pair = pair();

        store.close(pair.session().id(), NOW, NOW.plus(TTL));

        assertThat(store.footprint().liveCodes()).isZero();
    }

    @Test
    void leavesNoEmptyMailboxBehindAfterARefusedDelivery() {
        Pair pair = pair();
        store.acknowledge(pair.host().keyId(), Long.MAX_VALUE);
        deliver(pair.session(), aSignal(pair.session().id(), pair.guest(), pair.host()));

        Delivery refused = store.deliver(pair.session().id(), List.of(
                aSignal(pair.session().id(), pair.host(), pair.guest()),
                aSignal(pair.session().id(), pair.guest(), pair.host())), NOW, EXTENSION, 1);

        assertThat(refused).isEqualTo(new Delivery.MailboxFull(pair.host().keyId()));
        assertThat(store.footprint().mailboxes()).isEqualTo(1);
    }

    @Test
    void dropsEveryMailboxWhileAReaderAcknowledgesAsFastAsTheSenderSends() {
        Pair pair = pair();
        store.acknowledge(pair.host().keyId(), Long.MAX_VALUE);
        AtomicBoolean sending = new AtomicBoolean(true);

        List<Integer> counts = Race.run(2, i -> i == 0 ? sendOneByOne(pair, 2_000, sending) : drain(pair, sending));

        assertThat(counts.get(1)).isEqualTo(counts.get(0));
        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 2, 0, 0));
    }

    private int sendOneByOne(Pair pair, int count, AtomicBoolean sending) {
        try {
            for (int i = 0; i < count; i++) {
                deliver(pair.session(), aSignal(pair.session().id(), pair.host(), pair.guest()));
            }
            return count;
        } finally {
            sending.set(false);
        }
    }

    /** Reads and acknowledges until the sender is done and nothing is left; returns how many it read. */
    private int drain(Pair pair, AtomicBoolean sending) {
        List<SessionMessage> read = new ArrayList<>();
        while (true) {
            boolean senderDone = !sending.get();
            List<SessionMessage> page = store.messagesFor(pair.guest().keyId(), 0, 5);
            read.addAll(page);
            if (!page.isEmpty()) {
                store.acknowledge(pair.guest().keyId(), page.get(page.size() - 1).sequence());
            } else if (senderDone) {
                return read.size();
            }
        }
    }

    /** A host and a guest, with the host's {@code peer-joined} and messages both ways. */
    private Pair busyPair() {
        Pair pair = pair();
        deliver(pair.session(), aSignal(pair.session().id(), pair.host(), pair.guest()),
                aSignal(pair.session().id(), pair.host(), pair.guest()));
        deliver(pair.session(), aSignal(pair.session().id(), pair.guest(), pair.host()));
        return pair;
    }

    private Pair pair() {
        PairingSession session = aSession().build();
        store.createIfCodeFree(session, NOW);
        Member guest = aMember(randomKeyId());
        store.addMemberIfRoom(session.id(), guest, NOW, EXTENSION);
        return new Pair(session, session.members().get(0), guest);
    }

    private void deliver(PairingSession session, SessionMessage... messages) {
        assertThat(store.deliver(session.id(), List.of(messages), NOW, EXTENSION, ROOMY))
                .isInstanceOf(Delivery.Delivered.class);
    }

    private record Pair(PairingSession session, Member host, Member guest) {}
}

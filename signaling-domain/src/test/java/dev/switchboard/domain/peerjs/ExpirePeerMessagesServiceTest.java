package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.peerjs.TestPeerJs.address;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driving.ExpirePeerMessages;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExpirePeerMessagesServiceTest {
    private final TestPeerJs peerJs = new TestPeerJs();
    private final ExpirePeerMessages expiry = peerJs.useCases.expirePeerMessages();
    private final PeerSession alice = peerJs.connect("alice");

    private void afterTheExpireTimeout() {
        peerJs.passTime(peerJs.policy.expireTimeout().plusMillis(1));
    }

    @Nested
    class WhenTheRecipientNeverCame {
        private final WakeCounter aliceSocket = peerJs.watch(alice);

        WhenTheRecipientNeverCame() {
            peerJs.relay(alice, PeerMessageType.OFFER, "bob");
            peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob");
            peerJs.relay(alice, PeerMessageType.CANDIDATE, "carol");
        }

        @Test
        void keepsTheMessagesWithinTheExpireTimeout() {
            peerJs.passTime(peerJs.policy.expireTimeout().minusMillis(1));

            assertThat(expiry.expire()).isZero();
            assertThat(peerJs.queueOf(address("bob"))).hasSize(2);
            assertThat(peerJs.receive(alice)).isEmpty();
        }

        @Test
        void dropsThemAndTellsTheSenderOncePerAbsentPeerAsThePeerServerDoes() {
            afterTheExpireTimeout();

            assertThat(expiry.expire()).isEqualTo(3);

            assertThat(peerJs.queueOf(address("bob"))).isEmpty();
            assertThat(peerJs.queueOf(address("carol"))).isEmpty();
            assertThat(peerJs.receive(alice)).satisfiesExactlyInAnyOrder(
                    notice -> assertExpireFrom("bob", notice),
                    notice -> assertExpireFrom("carol", notice));
        }

        @Test
        void wakesTheSenderToReadTheNotices() {
            afterTheExpireTimeout();

            expiry.expire();

            assertThat(aliceSocket.count()).isOne();
        }

        @Test
        void expiresEachMessageOnce() {
            afterTheExpireTimeout();
            expiry.expire();

            assertThat(expiry.expire()).isZero();
            assertThat(peerJs.receive(alice)).hasSize(2);
        }

        @Test
        void tellsNobodyWhenTheSenderHasGoneToo() {
            peerJs.useCases.disconnectPeer().disconnect(alice);
            afterTheExpireTimeout();

            assertThat(expiry.expire()).isEqualTo(3);

            assertThat(peerJs.queueOf(alice.peer())).isEmpty();
        }

        private void assertExpireFrom(String absent, PeerMessage notice) {
            assertThat(notice.type()).isEqualTo(PeerMessageType.EXPIRE);
            assertThat(notice.src()).isEqualTo(new PeerId(absent));
            assertThat(notice.dst()).isEqualTo(new PeerId("alice"));
            assertThat(notice.key()).isEqualTo(TestPeerJs.KEY);
            assertThat(notice.payload()).isEqualTo(ExpirePeerMessagesService.NO_PAYLOAD);
            assertThat(notice.queuedAt()).isEqualTo(peerJs.clock.instant());
        }
    }

    @Test
    void leavesTheMessagesOfARecipientThatConnectedInTime() {
        peerJs.relay(alice, PeerMessageType.OFFER, "bob");
        peerJs.passTime(Duration.ofSeconds(1));
        PeerSession bob = peerJs.connect("bob");
        afterTheExpireTimeout();

        assertThat(expiry.expire()).isZero();
        assertThat(peerJs.receive(bob)).hasSize(1);
        assertThat(peerJs.receive(alice)).isEmpty();
    }

    @Test
    void neverAnswersANoticeWithANotice() {
        peerJs.relay(alice, PeerMessageType.OFFER, "bob");
        afterTheExpireTimeout();
        expiry.expire();
        peerJs.useCases.disconnectPeer().disconnect(alice);
        PeerSession bob = peerJs.connect("bob");
        afterTheExpireTimeout();

        assertThat(expiry.expire()).isOne();

        assertThat(peerJs.receive(bob)).isEmpty();
        assertThat(peerJs.queueOf(alice.peer())).isEmpty();
    }

    @Test
    void expiresMoreThanOneBatchInOneRun() {
        int count = ExpirePeerMessagesService.BATCH * 2 + 1;
        TestPeerJs roomy = new TestPeerJs(TestPeerJs.policy(5000, false, 2000, 100_000));
        PeerSession sender = roomy.connect("alice");
        for (int i = 0; i < count; i++) {
            roomy.relay(sender, PeerMessageType.CANDIDATE, "bob-" + (i % 3));
        }
        roomy.passTime(roomy.policy.expireTimeout().plusMillis(1));

        assertThat(roomy.useCases.expirePeerMessages().expire()).isEqualTo(count);

        assertThat(roomy.receive(sender)).hasSize(3);
    }
}

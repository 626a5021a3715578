package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.OTHER_KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.PAYLOAD;
import static dev.switchboard.domain.peerjs.TestPeerJs.address;
import static dev.switchboard.domain.peerjs.TestPeerJs.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.testing.WakeCounter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RelayPeerMessageServiceTest {
    private final TestPeerJs peerJs = new TestPeerJs();
    private final PeerSession alice = peerJs.connect("alice");

    @Nested
    class ToAConnectedPeer {
        private final PeerSession bob = peerJs.connect("bob");
        private final WakeCounter bobSocket = peerJs.watch(bob);

        @Test
        void queuesItWithTheSenderAsSourceAndThePayloadUntouched() {
            peerJs.relay(alice, PeerMessageType.OFFER, "bob");

            assertThat(peerJs.receive(bob)).singleElement().satisfies(message -> {
                assertThat(message.sequence()).isPositive();
                assertThat(message.key()).isEqualTo(KEY);
                assertThat(message.src()).isEqualTo(new PeerId("alice"));
                assertThat(message.dst()).isEqualTo(new PeerId("bob"));
                assertThat(message.type()).isEqualTo(PeerMessageType.OFFER);
                assertThat(message.payload()).isEqualTo(PAYLOAD);
                assertThat(message.queuedAt()).isEqualTo(peerJs.clock.instant());
            });
        }

        @Test
        void wakesTheRecipientOnly() {
            WakeCounter aliceSocket = peerJs.watch(alice);

            peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob");

            assertThat(bobSocket.count()).isOne();
            assertThat(aliceSocket.count()).isZero();
        }

        @Test
        void keepsTheMessagesInTheOrderTheyWereSent() {
            peerJs.relay(alice, PeerMessageType.OFFER, "bob", "1");
            peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob", "2");
            peerJs.relay(alice, PeerMessageType.CANDIDATE, "bob", "3");

            assertThat(peerJs.receive(bob)).extracting(PeerMessage::payload).containsExactly("1", "2", "3");
        }

        @Test
        void deliversLeaveAndExpireToo() {
            peerJs.relay(alice, PeerMessageType.LEAVE, "bob", "null");
            peerJs.relay(alice, PeerMessageType.EXPIRE, "bob", "null");

            assertThat(peerJs.receive(bob)).extracting(PeerMessage::type)
                    .containsExactly(PeerMessageType.LEAVE, PeerMessageType.EXPIRE);
        }

        @Test
        void letsAPeerSendToItself() {
            peerJs.relay(bob, PeerMessageType.OFFER, "bob");

            assertThat(peerJs.receive(bob)).singleElement()
                    .satisfies(message -> assertThat(message.src()).isEqualTo(new PeerId("bob")));
        }
    }

    @Nested
    class ToAPeerNotConnectedYet {
        @Test
        void queuesTheMessageAndDeliversItOnceThePeerConnects() {
            peerJs.relay(alice, PeerMessageType.OFFER, "bob");

            PeerSession bob = peerJs.connect("bob");

            assertThat(peerJs.receive(bob)).extracting(PeerMessage::src).containsExactly(new PeerId("alice"));
        }

        @Test
        void dropsLeaveAndExpireSilentlyAsPeerJsDoes() {
            peerJs.relay(alice, PeerMessageType.LEAVE, "bob", "null");
            peerJs.relay(alice, PeerMessageType.EXPIRE, "bob", "null");

            assertThat(peerJs.queueOf(address("bob"))).isEmpty();
        }

        @Test
        void dropsLeaveForAPeerWhoseSocketWentSilent() {
            PeerSession bob = peerJs.connect("bob");
            peerJs.passTime(peerJs.policy.aliveTimeout().plusMillis(1));
            peerJs.useCases.keepPeerAlive().keepAlive(alice);

            peerJs.relay(alice, PeerMessageType.LEAVE, "bob", "null");

            assertThat(peerJs.queueOf(bob.peer())).isEmpty();
        }
    }

    @Nested
    class WhenTheQueuesAreFull {
        @Test
        void refusesAMessageBeyondTheRecipientsBoundUntilItCatchesUp() {
            TestPeerJs bounded = new TestPeerJs(TestPeerJs.policy(5000, false, 2, 100));
            PeerSession carol = bounded.connect("carol");
            PeerSession dave = bounded.connect("dave");
            bounded.relay(carol, PeerMessageType.CANDIDATE, "dave");
            bounded.relay(carol, PeerMessageType.CANDIDATE, "dave");

            assertRefused(ErrorCode.MAILBOX_FULL, () -> bounded.relay(carol, PeerMessageType.CANDIDATE, "dave"));

            long last = bounded.receive(dave).get(1).sequence();
            bounded.useCases.receivePeerMessages().acknowledge(dave, last);
            bounded.relay(carol, PeerMessageType.CANDIDATE, "dave");
            assertThat(bounded.receive(dave)).hasSize(1);
        }

        @Test
        void refusesAMessageOnceAllQueuesTogetherAreFull() {
            TestPeerJs bounded = new TestPeerJs(TestPeerJs.policy(5000, false, 2, 3));
            PeerSession carol = bounded.connect("carol");
            bounded.relay(carol, PeerMessageType.OFFER, "dave");
            bounded.relay(carol, PeerMessageType.OFFER, "dave");
            bounded.relay(carol, PeerMessageType.OFFER, "erin");

            assertRefused(ErrorCode.MAILBOX_FULL, () -> bounded.relay(carol, PeerMessageType.OFFER, "frank"));
            assertThat(bounded.queueOf(address("frank"))).isEmpty();
        }

        @Test
        void doesNotWakeTheRecipientForAMessageItRefused() {
            TestPeerJs bounded = new TestPeerJs(TestPeerJs.policy(5000, false, 1, 100));
            PeerSession carol = bounded.connect("carol");
            WakeCounter dave = bounded.watch(bounded.connect("dave"));
            bounded.relay(carol, PeerMessageType.OFFER, "dave");

            assertRefused(ErrorCode.MAILBOX_FULL, () -> bounded.relay(carol, PeerMessageType.OFFER, "dave"));

            assertThat(dave.count()).isOne();
        }
    }

    @Nested
    class WithAnOversizedPayload {
        private final PeerJsPolicy policy = peerJs.policy;

        @Test
        void relaysAPayloadAtTheBound() {
            String payload = "\"" + "x".repeat(policy.maxPayloadChars() - 2) + "\"";

            peerJs.relay(alice, PeerMessageType.OFFER, "bob", payload);

            assertThat(peerJs.queueOf(address("bob"))).extracting(PeerMessage::payload).containsExactly(payload);
        }

        @Test
        void refusesAPayloadBeyondTheBound() {
            String payload = "\"" + "x".repeat(policy.maxPayloadChars() - 1) + "\"";

            assertRefused(ErrorCode.PAYLOAD_TOO_LARGE,
                    () -> peerJs.relay(alice, PeerMessageType.OFFER, "bob", payload));
            assertThat(peerJs.queueOf(address("bob"))).isEmpty();
        }
    }

    @Nested
    class AcrossRealms {
        @Test
        void reachesOnlyThePeerOfThatIdInTheSendersRealm() {
            PeerSession bobHere = peerJs.connect("bob");
            PeerSession bobElsewhere = peerJs.connect(OTHER_KEY, "bob", tokenOf("bob")).session();
            WakeCounter elsewhere = peerJs.watch(bobElsewhere);

            peerJs.relay(alice, PeerMessageType.OFFER, "bob");

            assertThat(peerJs.receive(bobHere)).hasSize(1);
            assertThat(peerJs.receive(bobElsewhere)).isEmpty();
            assertThat(elsewhere.count()).isZero();
        }

        @Test
        void queuesForAnAbsentPeerInTheSendersRealmOnly() {
            PeerSession aliceElsewhere = peerJs.connect(OTHER_KEY, "alice", tokenOf("alice")).session();

            peerJs.relay(aliceElsewhere, PeerMessageType.OFFER, "bob");

            assertThat(peerJs.queueOf(new PeerAddress(OTHER_KEY, new PeerId("bob")))).hasSize(1);
            assertThat(peerJs.queueOf(address("bob"))).isEmpty();
        }
    }

    @Test
    void refusesASenderThatNoLongerHoldsItsId() {
        peerJs.connect(KEY, "alice", tokenOf("alice"));

        assertRefused(ErrorCode.PEER_SUPERSEDED, () -> peerJs.relay(alice, PeerMessageType.OFFER, "bob"));
        assertThat(peerJs.queueOf(address("bob"))).isEmpty();
    }
}

package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Signal;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SendSignalServiceTest {
    private final TestPairing pairing = new TestPairing();
    private final SessionId id = pairing.openWith(ALICE, BOB, CAROL).session().id();
    private final MemberId alice = pairing.memberIdOf(ALICE, id);
    private final MemberId bob = pairing.memberIdOf(BOB, id);
    private final MemberId carol = pairing.memberIdOf(CAROL, id);

    /** The signals in a mailbox, leaving out membership changes. */
    private List<Signal> signalsOf(Identity member) {
        return pairing.mailbox(member).stream().filter(Signal.class::isInstance).map(Signal.class::cast).toList();
    }

    @Nested
    class ToOneMember {
        @Test
        void reachesThatMemberFromTheCallersOwnMembership() {
            List<Signal> sent = pairing.send(ALICE, id, bob);

            assertThat(sent).singleElement().satisfies(signal -> {
                assertThat(signal.sequence()).isPositive();
                assertThat(signal.from()).isEqualTo(alice);
                assertThat(signal.to()).isEqualTo(bob);
                assertThat(signal.recipientKeyId()).isEqualTo(BOB.keyId());
                assertThat(signal.payload()).isEqualTo(TestPairing.PAYLOAD);
                assertThat(signal.at()).isEqualTo(pairing.clock.instant());
            });
            assertThat(signalsOf(BOB)).containsExactlyElementsOf(sent);
            assertThat(signalsOf(CAROL)).isEmpty();
            assertThat(signalsOf(ALICE)).isEmpty();
        }

        @Test
        void wakesOnlyThatMember() {
            WakeCounter aliceWakeUps = pairing.wakeUpsOf(ALICE);
            WakeCounter bobWakeUps = pairing.wakeUpsOf(BOB);
            WakeCounter carolWakeUps = pairing.wakeUpsOf(CAROL);

            pairing.send(ALICE, id, bob);

            assertThat(bobWakeUps.count()).isEqualTo(1);
            assertThat(aliceWakeUps.count()).isZero();
            assertThat(carolWakeUps.count()).isZero();
        }

        @Test
        void keepsEachSendersSignalsInOrder() {
            long first = pairing.send(ALICE, id, bob).get(0).sequence();
            long second = pairing.send(ALICE, id, bob).get(0).sequence();

            assertThat(second).isGreaterThan(first);
            assertThat(signalsOf(BOB)).extracting(Signal::sequence).containsExactly(first, second);
        }

        @Test
        void refusesARecipientOutsideTheSession() {
            MemberId stranger = new MemberId("not-a-member-id");

            assertRefused(ErrorCode.RECIPIENT_NOT_A_MEMBER, () -> pairing.send(ALICE, id, stranger));
        }

        @Test
        void refusesTheSendersOwnMembershipAsRecipient() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> pairing.send(ALICE, id, alice));
        }
    }

    @Nested
    class ToEveryone {
        @Test
        void reachesEveryOtherMemberOnce() {
            List<Signal> sent = pairing.sendToAll(BOB, id);

            assertThat(sent).extracting(Signal::to).containsExactlyInAnyOrder(alice, carol);
            assertThat(sent).extracting(Signal::from).containsOnly(bob);
            assertThat(sent).extracting(Signal::sequence).doesNotHaveDuplicates();
            assertThat(signalsOf(ALICE)).hasSize(1);
            assertThat(signalsOf(CAROL)).hasSize(1);
            assertThat(signalsOf(BOB)).isEmpty();
        }

        @Test
        void sendsNothingWhenTheSenderIsAlone() {
            SessionId alone = pairing.open(TestCore.peer("dave")).session().id();

            assertThat(pairing.sendToAll(TestCore.peer("dave"), alone)).isEmpty();
        }
    }

    @Nested
    class FromSomeoneWhoMayNotSend {
        @Test
        void refusesANonMember() {
            assertRefused(ErrorCode.NOT_A_MEMBER, () -> pairing.send(TestCore.peer("mallory"), id, bob));
        }

        @Test
        void refusesAMemberWhoLeft() {
            pairing.useCases.leaveSession().leave(CAROL, id);

            assertRefused(ErrorCode.NOT_A_MEMBER, () -> pairing.sendToAll(CAROL, id));
            assertRefused(ErrorCode.RECIPIENT_NOT_A_MEMBER, () -> pairing.send(ALICE, id, carol));
        }
    }

    @Nested
    class WhenTheSessionIsNotOpen {
        @Test
        void saysAClosedSessionClosed() {
            pairing.useCases.closeSession().close(ALICE, id);

            assertRefused(ErrorCode.SESSION_CLOSED, () -> pairing.send(BOB, id, alice));
        }

        @Test
        void saysAnExpiredSessionExpired() {
            pairing.clock.advance(Duration.ofHours(1));

            assertRefused(ErrorCode.SESSION_EXPIRED, () -> pairing.send(BOB, id, alice));
        }

        @Test
        void saysAnUnknownSessionIsNotFound() {
            assertRefused(ErrorCode.SESSION_NOT_FOUND,
                    () -> pairing.send(BOB, new SessionId("unknown-session-id"), alice));
        }
    }

    @Nested
    class WhenAMailboxIsFull {
        private final TestPairing bounded = new TestPairing(TestPairing.withMaxQueuedPerRecipient(3));
        private final SessionId small = bounded.openWith(ALICE, BOB, CAROL).session().id();
        private final MemberId bobInSmall = bounded.memberIdOf(BOB, small);

        WhenAMailboxIsFull() {
            // Bob's mailbox already holds the peer-joined of Carol; two signals fill it.
            bounded.send(ALICE, small, bobInSmall);
            bounded.send(ALICE, small, bobInSmall);
        }

        @Test
        void refusesTheSenderNamingTheMemberAndDeliversNothing() {
            int carolsMessages = bounded.mailbox(CAROL).size();

            assertThatThrownBy(() -> bounded.sendToAll(ALICE, small))
                    .isInstanceOfSatisfying(SignalingException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.MAILBOX_FULL);
                        assertThat(refusal.getMessage()).contains(bobInSmall.value());
                    });
            assertThat(bounded.mailbox(BOB)).hasSize(3);
            assertThat(bounded.mailbox(CAROL)).as("all or none").hasSize(carolsMessages);
        }

        @Test
        void acceptsSignalsAgainOnceTheRecipientCatchesUp() {
            long last = bounded.mailbox(BOB).get(2).sequence();
            bounded.useCases.acknowledgeMessages().acknowledge(BOB, last);

            assertThat(bounded.send(ALICE, small, bobInSmall)).hasSize(1);
        }
    }

    @Test
    void keepsTheMembershipChangesAndSignalsOfOneMailboxInOneSequence() {
        pairing.send(ALICE, id, bob);
        pairing.useCases.leaveSession().leave(CAROL, id);
        pairing.send(ALICE, id, bob);

        assertThat(pairing.mailbox(BOB)).extracting(SessionMessage::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(pairing.mailbox(BOB)).hasSize(4);
    }
}

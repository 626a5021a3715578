package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Kind;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.model.SessionMessage.MembershipChange;
import dev.switchboard.ports.testing.WakeCounter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LeaveSessionServiceTest {
    private final TestPairing pairing = new TestPairing();
    private final PairingSession session = pairing.openWith(ALICE, BOB, CAROL).session();
    private final SessionId id = session.id();

    private void leave(Identity member) {
        pairing.useCases.leaveSession().leave(member, id);
    }

    @Nested
    class WhenAGuestLeaves {
        private final MemberId bob = pairing.memberIdOf(BOB, id);

        @Test
        void takesItOutOfTheSession() {
            leave(BOB);

            assertThat(pairing.storage.sessions().find(id).orElseThrow().memberWithKey(BOB.keyId())).isEmpty();
            assertRefused(ErrorCode.NOT_A_MEMBER, () -> pairing.useCases.getSession().get(BOB, id));
        }

        @Test
        void tellsAndWakesTheOthers() {
            WakeCounter aliceWakeUps = pairing.wakeUpsOf(ALICE);
            WakeCounter carolWakeUps = pairing.wakeUpsOf(CAROL);

            leave(BOB);

            for (Identity member : new Identity[] {ALICE, CAROL}) {
                assertThat(lastMessageOf(member)).isInstanceOfSatisfying(MembershipChange.class, change -> {
                    assertThat(change.kind()).isEqualTo(Kind.PEER_LEFT);
                    assertThat(change.member()).isEqualTo(bob);
                    assertThat(change.reason()).contains(LeaveReason.LEFT);
                });
            }
            assertThat(aliceWakeUps.count()).isEqualTo(1);
            assertThat(carolWakeUps.count()).isEqualTo(1);
        }

        @Test
        void leavesTheSessionOpenForTheOthers() {
            leave(BOB);

            assertThat(pairing.useCases.getSession().get(ALICE, id).isOpenAt(pairing.clock.instant())).isTrue();
        }

        @Test
        void cannotLeaveTwice() {
            leave(BOB);

            assertRefused(ErrorCode.NOT_A_MEMBER, () -> leave(BOB));
        }
    }

    @Nested
    class WhenTheLastMemberLeaves {
        @Test
        void closesTheSessionAndFreesItsCode() {
            leave(BOB);
            leave(CAROL);
            leave(ALICE);

            PairingSession after = pairing.storage.sessions().find(id).orElseThrow();
            assertThat(after.members()).isEmpty();
            assertThat(after.isClosed()).isTrue();
            assertThat(pairing.storage.sessions().findOpenByCode(session.code(), pairing.clock.instant())).isEmpty();
        }
    }

    @Nested
    class WhenTheCallerIsNoMember {
        @Test
        void refusesAStranger() {
            assertRefused(ErrorCode.NOT_A_MEMBER, () -> leave(TestCore.peer("mallory")));
        }

        @Test
        void saysAnUnknownSessionIsNotFound() {
            assertRefused(ErrorCode.SESSION_NOT_FOUND,
                    () -> pairing.useCases.leaveSession().leave(BOB, new SessionId("unknown-session-id")));
        }
    }

    private SessionMessage lastMessageOf(Identity member) {
        List<SessionMessage> mailbox = pairing.mailbox(member);
        return mailbox.get(mailbox.size() - 1);
    }
}

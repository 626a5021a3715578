package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Kind;
import dev.switchboard.ports.model.SessionMessage.LeaveReason;
import dev.switchboard.ports.model.SessionMessage.MembershipChange;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PresenceSweepTest {
    private final TestPairing pairing = new TestPairing();
    private final PresenceSweep presence = pairing.presence();
    private final PairingSession session = pairing.openWith(ALICE, BOB).session();
    private final MemberId alice = pairing.memberIdOf(ALICE, session.id());

    private int sweep() {
        return presence.removeSilentMembers(pairing.clock.instant());
    }

    private PairingSession stored() {
        return pairing.storage.sessions().find(session.id()).orElseThrow();
    }

    @Nested
    class WhenAMemberFallsSilent {
        private final WakeCounter bobWakeUps;

        WhenAMemberFallsSilent() {
            pairing.clock.advance(Duration.ofSeconds(30));
            pairing.useCases.keepAlive().keepAlive(BOB);
            pairing.clock.advance(Duration.ofSeconds(20));
            bobWakeUps = pairing.wakeUpsOf(BOB);
        }

        @Test
        void removesItFromTheSession() {
            assertThat(sweep()).isEqualTo(1);

            assertThat(stored().members()).extracting(member -> member.keyId()).containsExactly(BOB.keyId());
            assertRefused(ErrorCode.NOT_A_MEMBER, () -> pairing.useCases.getSession().get(ALICE, session.id()));
        }

        @Test
        void tellsAndWakesTheOthersThatItTimedOut() {
            sweep();

            List<SessionMessage> mailbox = pairing.mailbox(BOB);
            assertThat(mailbox.get(mailbox.size() - 1)).isInstanceOfSatisfying(MembershipChange.class, change -> {
                assertThat(change.kind()).isEqualTo(Kind.PEER_LEFT);
                assertThat(change.member()).isEqualTo(alice);
                assertThat(change.reason()).contains(LeaveReason.TIMED_OUT);
            });
            assertThat(bobWakeUps.count()).isEqualTo(1);
        }

        @Test
        void keepsTheSessionOpenForTheMemberStillThere() {
            sweep();

            assertThat(stored().isOpenAt(pairing.clock.instant())).isTrue();
            assertThat(sweep()).as("nothing left to time out").isZero();
        }
    }

    @Nested
    class WhenEveryoneIsSeenInTime {
        @Test
        void removesNobodyUpToTheTimeoutItself() {
            pairing.clock.advance(Duration.ofSeconds(45));

            assertThat(sweep()).isZero();
            assertThat(stored().members()).hasSize(2);
        }

        @Test
        void countsAFetchAsASignOfLife() {
            pairing.clock.advance(Duration.ofSeconds(30));
            pairing.useCases.fetchMessages().fetch(ALICE, 0, 10);
            pairing.useCases.keepAlive().keepAlive(BOB);
            pairing.clock.advance(Duration.ofSeconds(20));

            assertThat(sweep()).isZero();
        }
    }

    @Nested
    class WhenEveryoneFallsSilent {
        @Test
        void removesThemAllAndClosesTheSession() {
            pairing.clock.advance(Duration.ofSeconds(46));

            assertThat(sweep()).isEqualTo(2);

            assertThat(stored().members()).isEmpty();
            assertThat(stored().isClosed()).isTrue();
            assertThat(pairing.storage.sessions().findOpenByCode(session.code(), pairing.clock.instant())).isEmpty();
        }

        @Test
        void getsThroughMoreSilentMembersThanOneBatch() {
            List<PairingSession> many = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                Identity host = TestCore.peer("host" + i);
                many.add(pairing.openWith(host, TestCore.peer("guest" + i)).session());
            }
            pairing.clock.advance(Duration.ofSeconds(46));

            assertThat(sweep()).isEqualTo(2 + 300);

            assertThat(many).allSatisfy(opened ->
                    assertThat(pairing.storage.sessions().find(opened.id()).orElseThrow().members()).isEmpty());
        }
    }
}

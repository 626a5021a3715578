package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Kind;
import dev.switchboard.ports.model.SessionMessage.MembershipChange;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CloseSessionServiceTest {
    private final TestPairing pairing = new TestPairing();
    private final PairingSession session = pairing.openWith(ALICE, BOB, CAROL).session();
    private final SessionId id = session.id();

    private void close(Identity caller) {
        pairing.useCases.closeSession().close(caller, id);
    }

    private static boolean toldSessionClosed(List<SessionMessage> mailbox) {
        return mailbox.stream().anyMatch(message -> message instanceof MembershipChange change
                && change.kind() == Kind.SESSION_CLOSED);
    }

    @Nested
    class WhenTheHostCloses {
        @Test
        void closesTheSessionButKeepsItReadableForTheRetention() {
            Instant now = pairing.clock.instant();
            close(ALICE);

            PairingSession closed = pairing.useCases.getSession().get(BOB, id);
            assertThat(closed.closedAt()).contains(now);
            assertThat(closed.isOpenAt(now)).isFalse();

            pairing.clock.advance(Duration.ofMinutes(1));
            pairing.storage.sessions().deleteExpired(pairing.clock.instant());
            assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.useCases.getSession().get(BOB, id));
        }

        @Test
        void tellsAndWakesEveryGuest() {
            WakeCounter bobWakeUps = pairing.wakeUpsOf(BOB);
            WakeCounter carolWakeUps = pairing.wakeUpsOf(CAROL);

            close(ALICE);

            assertThat(toldSessionClosed(pairing.mailbox(BOB))).isTrue();
            assertThat(toldSessionClosed(pairing.mailbox(CAROL))).isTrue();
            assertThat(bobWakeUps.count()).isEqualTo(1);
            assertThat(carolWakeUps.count()).isEqualTo(1);
        }

        @Test
        void freesTheInviteCode() {
            close(ALICE);

            assertThat(pairing.storage.sessions().findOpenByCode(session.code(), pairing.clock.instant())).isEmpty();
        }

        @Test
        void acceptsAClosedSessionBeingClosedAgainWithoutTellingAnyoneTwice() {
            close(ALICE);
            WakeCounter bobWakeUps = pairing.wakeUpsOf(BOB);
            int bobsMessages = pairing.mailbox(BOB).size();

            close(ALICE);

            assertThat(pairing.mailbox(BOB)).hasSize(bobsMessages);
            assertThat(bobWakeUps.count()).isZero();
        }

        @Test
        void refusesSignalsAndJoinsAfterwards() {
            close(ALICE);

            assertRefused(ErrorCode.SESSION_CLOSED, () -> pairing.sendToAll(BOB, id));
            assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.joinByCode(TestCore.peer("dave"), session.code()));
        }
    }

    @Nested
    class WhenSomeoneElseTriesToClose {
        @Test
        void refusesAGuest() {
            assertRefused(ErrorCode.NOT_SESSION_HOST, () -> close(BOB));
            assertThat(pairing.useCases.getSession().get(BOB, id).isClosed()).isFalse();
        }

        @Test
        void refusesAStranger() {
            assertRefused(ErrorCode.NOT_SESSION_HOST, () -> close(TestCore.peer("mallory")));
        }
    }

    @Nested
    class WhenTheSessionIsGone {
        @Test
        void saysAnExpiredSessionExpired() {
            pairing.clock.advance(Duration.ofMinutes(5));

            assertRefused(ErrorCode.SESSION_EXPIRED, () -> close(ALICE));
        }

        @Test
        void saysAnUnknownSessionIsNotFound() {
            assertRefused(ErrorCode.SESSION_NOT_FOUND,
                    () -> pairing.useCases.closeSession().close(ALICE, new SessionId("unknown-session-id")));
        }
    }
}

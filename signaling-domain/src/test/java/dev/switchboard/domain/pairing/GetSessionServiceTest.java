package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GetSessionServiceTest {
    private final TestPairing pairing = new TestPairing();
    private final PairingSession session = pairing.openWith(ALICE, BOB).session();

    @Test
    void showsTheSessionAsStoredToEachMember() {
        PairingSession stored = pairing.storage.sessions().find(session.id()).orElseThrow();

        assertThat(pairing.useCases.getSession().get(ALICE, session.id())).isEqualTo(stored);
        assertThat(pairing.useCases.getSession().get(BOB, session.id())).isEqualTo(stored);
    }

    @Test
    void refusesAnyoneElse() {
        assertRefused(ErrorCode.NOT_A_MEMBER, () -> pairing.useCases.getSession().get(CAROL, session.id()));
    }

    @Test
    void stillShowsAnExpiredSessionUntilItIsSwept() {
        pairing.clock.advance(Duration.ofHours(1));

        assertThat(pairing.useCases.getSession().get(BOB, session.id()).isExpiredAt(pairing.clock.instant())).isTrue();
    }

    @Test
    void saysAnUnknownSessionIsNotFound() {
        assertRefused(ErrorCode.SESSION_NOT_FOUND,
                () -> pairing.useCases.getSession().get(ALICE, new SessionId("unknown-session-id")));
    }
}

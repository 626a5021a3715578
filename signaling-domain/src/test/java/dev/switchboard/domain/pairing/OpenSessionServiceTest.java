package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenSessionServiceTest {
    private final TestPairing pairing = new TestPairing();

    @Nested
    class WhenNothingIsAsked {
        private final Instant now = pairing.clock.instant();
        private final OpenSession.Opened opened = pairing.open(ALICE);
        private final PairingSession session = opened.session();

        @Test
        void makesTheCallerTheHostAndOnlyMember() {
            Member host = session.members().get(0);

            assertThat(session.members()).hasSize(1);
            assertThat(host.id()).isEqualTo(opened.hostMemberId());
            assertThat(host.keyId()).isEqualTo(ALICE.keyId());
            assertThat(host.host()).isTrue();
            assertThat(host.joinedAt()).isEqualTo(now);
        }

        @Test
        void usesTheDefaultCapacityAndTtlUnderTheHardLifetime() {
            assertThat(session.capacity()).isEqualTo(2);
            assertThat(session.createdAt()).isEqualTo(now);
            assertThat(session.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(5)));
            assertThat(session.hardExpiresAt()).isEqualTo(now.plus(Duration.ofHours(12)));
            assertThat(session.isOpenAt(now)).isTrue();
        }

        @Test
        void storesTheSessionUnderItsCode() {
            assertThat(pairing.storage.sessions().find(session.id())).contains(session);
            assertThat(pairing.storage.sessions().findOpenByCode(session.code(), now)).contains(session);
        }

        @Test
        void mintsUnguessableUrlSafeIds() {
            assertThat(session.id().value()).matches("[A-Za-z0-9_-]{22}");
            assertThat(opened.hostMemberId().value()).matches("[A-Za-z0-9_-]{16}");
        }

        @Test
        void signsAnInviteTokenThatLetsAGuestIn() {
            assertThat(opened.inviteToken()).matches("[A-Za-z0-9_-]{56}");
            assertThat(pairing.joinByToken(BOB, opened.inviteToken()).session().id()).isEqualTo(session.id());
        }
    }

    @Nested
    class WhenACapacityIsAsked {
        @Test
        void acceptsAnyCapacityUpToTheMaximum() {
            assertThat(pairing.open(ALICE, 2).session().capacity()).isEqualTo(2);
            assertThat(pairing.open(ALICE, 16).session().capacity()).isEqualTo(16);
        }

        @Test
        void refusesFewerThanTwoMembers() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> pairing.open(ALICE, 1));
        }

        @Test
        void refusesMoreThanTheMaximum() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> pairing.open(ALICE, 17));
        }
    }

    @Nested
    class WhenATtlIsAsked {
        private final Instant now = pairing.clock.instant();

        @Test
        void keepsATtlWithinBounds() {
            assertThat(pairing.open(ALICE, Duration.ofMinutes(20)).session().expiresAt())
                    .isEqualTo(now.plus(Duration.ofMinutes(20)));
        }

        @Test
        void raisesAShortTtlToTheMinimum() {
            assertThat(pairing.open(ALICE, Duration.ofSeconds(1)).session().expiresAt())
                    .isEqualTo(now.plusSeconds(30));
        }

        @Test
        void lowersALongTtlToTheMaximum() {
            assertThat(pairing.open(ALICE, Duration.ofDays(2)).session().expiresAt())
                    .isEqualTo(now.plus(Duration.ofHours(1)));
        }

        @Test
        void refusesAZeroOrNegativeTtl() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> pairing.open(ALICE, Duration.ZERO));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> pairing.open(ALICE, Duration.ofSeconds(-5)));
        }

        @Test
        void keepsMillisecondsAndRoundsExpiriesUp() {
            pairing.clock.set(Instant.parse("2026-01-02T03:04:05.123456789Z"));

            PairingSession session = pairing.open(ALICE, Duration.ofMinutes(2).plusNanos(1)).session();

            assertThat(session.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123Z"));
            assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-01-02T03:06:05.124Z"));
            assertThat(session.members().get(0).joinedAt()).isEqualTo(session.createdAt());
        }
    }

    @Nested
    class InviteCodes {
        @Test
        void areEightCharactersOfTheUnambiguousAlphabet() {
            Set<Character> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String code = pairing.open(TestCore.peer("host" + i)).session().code().value();
                assertThat(code).matches("[" + InviteCode.ALPHABET + "]{" + InviteCode.LENGTH + "}");
                code.chars().forEach(c -> seen.add((char) c));
            }

            assertThat(seen).as("every symbol turns up in 1600 uniform draws").hasSize(InviteCode.ALPHABET.length());
        }

        @Test
        void drawAnotherCodeWhenTheFirstIsTakenByALiveSession() {
            pairing.entropy.drawCodes("ABCDEFGH", "ABCDEFGH", "JKMNPQRS");
            PairingSession first = pairing.open(ALICE).session();

            PairingSession second = pairing.open(BOB).session();

            assertThat(first.code().value()).isEqualTo("ABCDEFGH");
            assertThat(second.code().value()).isEqualTo("JKMNPQRS");
        }

        @Test
        void giveUpClearlyAfterRepeatedCollisions() {
            pairing.entropy.drawCodes("ABCDEFGH");
            pairing.open(ALICE);
            pairing.entropy.drawCodes("ABCDEFGH", "ABCDEFGH", "ABCDEFGH", "ABCDEFGH", "ABCDEFGH", "ABCDEFGH",
                    "ABCDEFGH", "ABCDEFGH");

            assertRefused(ErrorCode.SERVICE_UNAVAILABLE, () -> pairing.open(BOB));
            assertThat(pairing.storage.sessions().countOpenSessionsHostedBy(BOB.keyId(), pairing.clock.instant()))
                    .isZero();
        }
    }

    @Nested
    class WhenTheHostHasManyOpenSessions {
        @Test
        void refusesOneMoreThanTheLimit() {
            for (int i = 0; i < 16; i++) {
                pairing.open(ALICE);
            }

            assertRefused(ErrorCode.LIMIT_REACHED, () -> pairing.open(ALICE));
        }

        @Test
        void countsEachHostSeparately() {
            for (int i = 0; i < 16; i++) {
                pairing.open(ALICE);
            }

            assertThat(pairing.open(BOB).session().members().get(0).keyId()).isEqualTo(BOB.keyId());
        }

        @Test
        void allowsAnotherOnceOneIsClosed() {
            PairingSession first = pairing.open(ALICE).session();
            for (int i = 1; i < 16; i++) {
                pairing.open(ALICE);
            }
            pairing.useCases.closeSession().close(ALICE, first.id());

            assertThat(pairing.open(ALICE).session().isOpenAt(pairing.clock.instant())).isTrue();
        }
    }
}

package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.SessionMessage.Kind;
import dev.switchboard.ports.model.SessionMessage.MembershipChange;
import dev.switchboard.ports.testing.Race;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JoinSessionServiceTest {
    private static final InviteCode UNKNOWN_CODE = new InviteCode("ZZZZZZZZ");

    private final TestPairing pairing = new TestPairing();
    private final OpenSession.Opened opened = pairing.open(ALICE);
    private final InviteCode code = opened.session().code();

    @Nested
    class ByCode {
        @Test
        void addsTheCallerAsAGuest() {
            JoinSession.Joined joined = pairing.joinByCode(BOB, code);

            assertThat(joined.session().id()).isEqualTo(opened.session().id());
            assertThat(joined.session().member(joined.memberId())).hasValueSatisfying(member -> {
                assertThat(member.keyId()).isEqualTo(BOB.keyId());
                assertThat(member.host()).isFalse();
                assertThat(member.joinedAt()).isEqualTo(pairing.clock.instant());
            });
            assertThat(joined.session().members()).hasSize(2);
        }

        @Test
        void acceptsTheCodeInLowerCase() {
            InviteCode typed = new InviteCode(code.value().toLowerCase(java.util.Locale.ROOT));

            assertThat(pairing.joinByCode(BOB, typed).session().id()).isEqualTo(opened.session().id());
        }

        @Test
        void tellsAndWakesTheMembersAlreadyIn() {
            WakeCounter hostWakeUps = pairing.wakeUpsOf(ALICE);
            WakeCounter guestWakeUps = pairing.wakeUpsOf(BOB);

            JoinSession.Joined joined = pairing.joinByCode(BOB, code);

            assertThat(pairing.mailbox(ALICE)).singleElement().isInstanceOfSatisfying(MembershipChange.class,
                    change -> {
                        assertThat(change.kind()).isEqualTo(Kind.PEER_JOINED);
                        assertThat(change.member()).isEqualTo(joined.memberId());
                    });
            assertThat(hostWakeUps.count()).isEqualTo(1);
            assertThat(pairing.mailbox(BOB)).isEmpty();
            assertThat(guestWakeUps.count()).isZero();
        }

        @Test
        void refusesAnUnknownCode() {
            assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.joinByCode(BOB, UNKNOWN_CODE));
        }
    }

    @Nested
    class ByToken {
        @Test
        void addsTheCallerAsAGuest() {
            JoinSession.Joined joined = pairing.joinByToken(BOB, opened.inviteToken());

            assertThat(joined.session().memberWithKey(BOB.keyId())).hasValueSatisfying(
                    member -> assertThat(member.id()).isEqualTo(joined.memberId()));
        }

        @Test
        void refusesAForgedToken() {
            byte[] raw = Base64.getUrlDecoder().decode(opened.inviteToken());
            raw[5] ^= 0x40;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

            assertRefused(ErrorCode.INVITE_INVALID, () -> pairing.joinByToken(BOB, forged));
        }

        @Test
        void refusesAConnectionTicket() {
            String ticket = pairing.useCases.issueConnectionTicket().issue(ALICE).token();

            assertRefused(ErrorCode.INVITE_INVALID, () -> pairing.joinByToken(BOB, ticket));
        }
    }

    @Nested
    class WhenTheCallerIsAlreadyAMember {
        @Test
        void returnsTheSameMembershipAndTellsNobodyAgain() {
            JoinSession.Joined first = pairing.joinByCode(BOB, code);

            JoinSession.Joined again = pairing.joinByToken(BOB, opened.inviteToken());

            assertThat(again.memberId()).isEqualTo(first.memberId());
            assertThat(again.session().members()).hasSize(2);
            assertThat(pairing.mailbox(ALICE)).hasSize(1);
        }

        @Test
        void returnsTheHostsOwnMembershipToTheHost() {
            assertThat(pairing.joinByCode(ALICE, code).memberId()).isEqualTo(opened.hostMemberId());
        }

        @Test
        void succeedsEvenWhenTheSessionIsFull() {
            JoinSession.Joined first = pairing.joinByCode(BOB, code);

            assertThat(pairing.joinByCode(BOB, code).memberId()).isEqualTo(first.memberId());
        }
    }

    @Nested
    class WhenTheSessionCannotBeJoined {
        @Test
        void saysAFullSessionIsFull() {
            pairing.joinByCode(BOB, code);

            assertRefused(ErrorCode.SESSION_FULL, () -> pairing.joinByCode(CAROL, code));
            assertRefused(ErrorCode.SESSION_FULL, () -> pairing.joinByToken(CAROL, opened.inviteToken()));
        }

        @Test
        void saysAnExpiredSessionExpiredWhenNamedByToken() {
            pairing.clock.advance(Duration.ofMinutes(5));

            assertRefused(ErrorCode.SESSION_EXPIRED, () -> pairing.joinByToken(BOB, opened.inviteToken()));
        }

        @Test
        void saysAClosedSessionClosedWhenNamedByToken() {
            pairing.useCases.closeSession().close(ALICE, opened.session().id());

            assertRefused(ErrorCode.SESSION_CLOSED, () -> pairing.joinByToken(BOB, opened.inviteToken()));
        }

        @Test
        void saysNoOpenSessionHasTheCodeOfAnExpiredOrClosedOne() {
            OpenSession.Opened closed = pairing.open(CAROL);
            pairing.useCases.closeSession().close(CAROL, closed.session().id());
            pairing.clock.advance(Duration.ofMinutes(5));

            assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.joinByCode(BOB, code));
            assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.joinByCode(BOB, closed.session().code()));
        }

        @Test
        void saysATokenOfASweptSessionNamesNoSession() {
            pairing.clock.advance(Duration.ofMinutes(5));
            pairing.storage.sessions().deleteExpired(pairing.clock.instant());

            assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.joinByToken(BOB, opened.inviteToken()));
        }
    }

    @Nested
    class GuessingBudget {
        private static final int BUDGET = 10;

        private void failFrom(String address, int times) {
            for (int i = 0; i < times; i++) {
                assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.joinByCode(BOB, UNKNOWN_CODE, address));
            }
        }

        @Test
        void refusesEvenTheRightCodeOnceTheBudgetIsSpent() {
            failFrom(TestPairing.ADDRESS, BUDGET);

            assertRefused(ErrorCode.RATE_LIMITED, () -> pairing.joinByCode(BOB, code));
            assertRefused(ErrorCode.RATE_LIMITED, () -> pairing.joinByToken(BOB, opened.inviteToken()));
            assertThat(pairing.useCases.getSession().get(ALICE, opened.session().id()).members()).hasSize(1);
        }

        @Test
        void letsTheLastAttemptOfTheBudgetThrough() {
            failFrom(TestPairing.ADDRESS, BUDGET - 1);

            assertThat(pairing.joinByCode(BOB, code).session().members()).hasSize(2);
        }

        @Test
        void countsEveryKindOfFailedAttempt() {
            pairing.joinByCode(BOB, code);
            OpenSession.Opened closed = pairing.open(CAROL);
            pairing.useCases.closeSession().close(CAROL, closed.session().id());
            Identity dave = TestCore.peer("dave");
            for (int i = 0; i < 2; i++) {
                assertRefused(ErrorCode.SESSION_FULL, () -> pairing.joinByCode(dave, code));
                assertRefused(ErrorCode.INVITE_INVALID, () -> pairing.joinByToken(dave, "not-a-token"));
                assertRefused(ErrorCode.SESSION_CLOSED, () -> pairing.joinByToken(dave, closed.inviteToken()));
                assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> pairing.joinByCode(dave, UNKNOWN_CODE));
            }
            OpenSession.Opened expiring = pairing.open(CAROL);
            pairing.clock.advance(Duration.ofMinutes(5));
            assertRefused(ErrorCode.SESSION_EXPIRED, () -> pairing.joinByToken(dave, expiring.inviteToken()));
            assertRefused(ErrorCode.SESSION_EXPIRED, () -> pairing.joinByToken(dave, expiring.inviteToken()));

            assertRefused(ErrorCode.RATE_LIMITED, () -> pairing.joinByCode(dave, UNKNOWN_CODE));
        }

        @Test
        void keepsAddressesApart() {
            failFrom(TestPairing.ADDRESS, BUDGET);

            assertThat(pairing.joinByCode(BOB, code, "198.51.100.1").session().members()).hasSize(2);
        }

        @Test
        void startsAfreshInTheNextWindow() {
            OpenSession.Opened later = pairing.open(CAROL, Duration.ofHours(1));
            failFrom(TestPairing.ADDRESS, BUDGET);
            assertRefused(ErrorCode.RATE_LIMITED, () -> pairing.joinByCode(BOB, later.session().code()));

            pairing.clock.advance(Duration.ofMinutes(10));

            assertThat(pairing.joinByCode(BOB, later.session().code()).session().members()).hasSize(2);
        }

        @Test
        void neverSpendsOnSuccessOrRejoin() {
            for (int i = 0; i < BUDGET + 5; i++) {
                pairing.joinByCode(BOB, code);
                pairing.joinByToken(BOB, opened.inviteToken());
            }

            assertThat(pairing.storage.counters().get(budgetKey(), pairing.clock.instant())).isZero();
        }

        @Test
        void doesNotCountRefusalsOnceTheBudgetIsSpent() {
            failFrom(TestPairing.ADDRESS, BUDGET);
            assertRefused(ErrorCode.RATE_LIMITED, () -> pairing.joinByCode(BOB, UNKNOWN_CODE));

            assertThat(pairing.storage.counters().get(budgetKey(), pairing.clock.instant())).isEqualTo(BUDGET);
        }

        private String budgetKey() {
            long window = Math.floorDiv(pairing.clock.instant().toEpochMilli(), Duration.ofMinutes(10).toMillis());
            return "join-failures:" + TestPairing.ADDRESS + ":" + window;
        }
    }

    @Nested
    class WhenManyJoinAtOnce {
        @Test
        void admitsExactlyAsManyAsThereIsRoomFor() {
            OpenSession.Opened room = pairing.open(CAROL, 4);

            List<ErrorCode> outcomes = Race.run(24, i -> {
                try {
                    pairing.joinByCode(TestCore.peer("racer" + i), room.session().code(), "198.51.100." + i);
                    return null;
                } catch (SignalingException refused) {
                    return refused.code();
                }
            });

            assertThat(outcomes).filteredOn(Objects::isNull).hasSize(3);
            assertThat(outcomes).filteredOn(Objects::nonNull).hasSize(21).containsOnly(ErrorCode.SESSION_FULL);
            assertThat(pairing.useCases.getSession().get(CAROL, room.session().id()).members()).hasSize(4);
        }
    }
}

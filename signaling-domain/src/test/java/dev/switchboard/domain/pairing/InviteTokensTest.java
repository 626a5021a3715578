package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.shared.SignedTokens;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.PairingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InviteTokensTest {
    private final TestPairing pairing = new TestPairing();
    private final InviteTokens invites = new InviteTokens(TestPairing.KEY);
    private final PairingSession session = pairing.open(ALICE, 5).session();
    private final Instant now = pairing.clock.instant();

    private static String flipBit(String token, int byteIndex) {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[byteIndex] ^= 0x01;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Nested
    class AGenuineToken {
        private final String token = invites.issue(session);

        @Test
        void saysWhichSessionItOpensWithItsCapacityAndHardExpiry() {
            InviteTokens.Claims claims = invites.verify(token, now);

            assertThat(claims.sessionId()).isEqualTo(session.id());
            assertThat(claims.capacity()).isEqualTo(5);
            assertThat(claims.expiresAt()).isEqualTo(session.hardExpiresAt());
        }

        @Test
        void isCompactAndUrlSafeForAQrCode() {
            assertThat(token).matches("[A-Za-z0-9_-]{56}");
        }

        @Test
        void isRefusedAsExpiredOnceItsExpiryHasPassed() {
            assertRefused(ErrorCode.SESSION_EXPIRED, () -> invites.verify(token, session.hardExpiresAt()));
            assertThat(invites.verify(token, session.hardExpiresAt().minusSeconds(1)).sessionId())
                    .isEqualTo(session.id());
        }
    }

    @Nested
    class AnAlteredToken {
        private final String token = invites.issue(session);

        @Test
        void isRefusedWhicheverByteChanged() {
            int length = Base64.getUrlDecoder().decode(token).length;
            for (int i = 0; i < length; i++) {
                String tampered = flipBit(token, i);
                assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(tampered, now));
            }
        }

        @Test
        void isRefusedWhenTruncatedOrExtended() {
            assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(token.substring(0, 40), now));
            assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(token + "AA", now));
            assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(token + "=", now));
        }

        @Test
        void isRefusedWhenSignedByAnotherServerKey() {
            String foreign = new InviteTokens(TestPairing.key((byte) 10)).issue(session);

            assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(foreign, now));
        }

        @Test
        void keepsTheRealReasonForTheLogOnly() {
            assertThatThrownBy(() -> invites.verify(flipBit(token, 3), now))
                    .isInstanceOfSatisfying(SignalingException.class, refusal -> {
                        assertThat(refusal.getMessage()).isEqualTo("the invite token is not valid");
                        assertThat(refusal.logDetail()).contains("tag does not verify");
                    });
        }
    }

    @Nested
    class Garbage {
        @Test
        void isRefusedAsInvalid() {
            for (String garbage : new String[] {"", "!!!", "abc", "a".repeat(600), "AAAA/+AA"}) {
                assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(garbage, now));
            }
        }
    }

    @Nested
    class AConnectionTicket {
        @Test
        void isNeverAcceptedAsAnInvite() {
            String ticket = pairing.useCases.issueConnectionTicket().issue(BOB).token();

            assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(ticket, now));
        }

        @Test
        void isRefusedEvenWithTheInviteLayoutUnderTheTicketPurpose() {
            // The same bytes an invite carries, tagged for tickets: only the purpose label tells them apart.
            byte[] raw = Base64.getUrlDecoder().decode(invites.issue(session));
            byte[] body = java.util.Arrays.copyOf(raw, raw.length - SignedTokens.TAG_BYTES);
            String relabelled = new SignedTokens(TestPairing.KEY, ConnectionTickets.PURPOSE).seal(body);

            assertRefused(ErrorCode.INVITE_INVALID, () -> invites.verify(relabelled, now));
        }
    }

    @Test
    void theSessionsOwnExpiryDoesNotCutTheTokenShort() {
        pairing.clock.advance(Duration.ofMinutes(30));

        assertThat(invites.verify(invites.issue(session), pairing.clock.instant()).sessionId()).isEqualTo(session.id());
    }
}

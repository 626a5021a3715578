package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.TestCore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.PairingPolicy;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.IssueConnectionTicket;
import dev.switchboard.ports.driving.RedeemConnectionTicket;
import dev.switchboard.ports.model.ConnectionTicket;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issuing and redeeming the single-use tickets that open a WebSocket as a signed caller. */
class ConnectionTicketsTest {
    private final TestPairing pairing = new TestPairing();
    private final IssueConnectionTicket issue = pairing.useCases.issueConnectionTicket();
    private final RedeemConnectionTicket redeem = pairing.useCases.redeemConnectionTicket();

    /** The refusal, which must say nothing about its reason beyond its code. */
    private SignalingException refusalOf(String ticket) {
        try {
            redeem.redeem(ticket);
        } catch (SignalingException refusal) {
            assertThat(refusal.code()).isEqualTo(ErrorCode.TICKET_INVALID);
            return refusal;
        }
        throw new AssertionError("the ticket was redeemed");
    }

    private static String tampered(String token, int byteIndex) {
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[byteIndex] ^= 0x01;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Nested
    class AFreshTicket {
        @ParameterizedTest
        @EnumSource(SignatureAlgorithm.class)
        void redeemsForTheIdentityItWasIssuedTo(SignatureAlgorithm algorithm) {
            Identity caller = new Identity(algorithm, algorithm == SignatureAlgorithm.HMAC_SHA256
                    ? "hk_AAAAAAAAAAAAAAAAAAAA" : "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");

            assertThat(redeem.redeem(issue.issue(caller).token())).isEqualTo(caller);
        }

        @Test
        void livesForTheTicketTtlAndIsUrlSafe() {
            ConnectionTicket ticket = issue.issue(ALICE);

            assertThat(ticket.expiresAt()).isEqualTo(pairing.clock.instant().plus(Duration.ofSeconds(30)));
            assertThat(ticket.token()).matches("[A-Za-z0-9_-]+");
        }

        @Test
        void roundsAnExpiryUpToTheSecond() {
            pairing.clock.set(Instant.parse("2026-01-02T03:04:05.250Z"));

            assertThat(issue.issue(ALICE).expiresAt()).isEqualTo(Instant.parse("2026-01-02T03:04:36Z"));
        }

        @Test
        void isDifferentEveryTime() {
            assertThat(issue.issue(ALICE).token()).isNotEqualTo(issue.issue(ALICE).token());
        }
    }

    @Nested
    class ARedeemedTicket {
        @Test
        void cannotBeRedeemedAgain() {
            String ticket = issue.issue(ALICE).token();
            redeem.redeem(ticket);

            assertThat(refusalOf(ticket).logDetail()).contains("already redeemed");
        }

        @Test
        void leavesOtherTicketsOfTheSameIdentityUsable() {
            String first = issue.issue(ALICE).token();
            String second = issue.issue(ALICE).token();
            redeem.redeem(first);

            assertThat(redeem.redeem(second)).isEqualTo(ALICE);
        }
    }

    @Nested
    class ARefusedTicket {
        private final String genuine = issue.issue(ALICE).token();

        @Test
        void isRefusedOnceExpired() {
            pairing.clock.advance(Duration.ofSeconds(30));

            assertThat(refusalOf(genuine).logDetail()).contains("expired");
        }

        @Test
        void isRefusedWhenAnyByteIsAltered() {
            for (int i = 0; i < Base64.getUrlDecoder().decode(genuine).length; i++) {
                assertThat(refusalOf(tampered(genuine, i)).logDetail()).contains("tag does not verify");
            }
            assertThat(redeem.redeem(genuine)).as("failed forgeries do not use the ticket up").isEqualTo(ALICE);
        }

        @Test
        void isRefusedWhenSignedByAnotherServerKey() {
            TestPairing other = new TestPairing(PairingPolicy.defaults(TestPairing.key((byte) 10)));

            refusalOf(other.useCases.issueConnectionTicket().issue(ALICE).token());
        }

        @Test
        void isRefusedWhenItIsAnInviteToken() {
            refusalOf(pairing.open(ALICE).inviteToken());
        }

        @Test
        void isRefusedWhenMalformed() {
            refusalOf("");
            refusalOf("not a ticket");
            refusalOf(genuine + "=");
            refusalOf("A".repeat(1000));
        }

        @Test
        void looksTheSameWhateverTheReason() {
            String used = issue.issue(ALICE).token();
            redeem.redeem(used);
            String expiring = issue.issue(ALICE).token();
            String forged = tampered(genuine, 7);
            String malformed = "%%%";
            String invite = pairing.open(ALICE).inviteToken();
            pairing.clock.advance(Duration.ofSeconds(30));

            assertThat(new String[] {used, expiring, forged, malformed, invite})
                    .extracting(ticket -> refusalOf(ticket).getMessage())
                    .containsOnly("the connection ticket is not valid");
        }
    }
}

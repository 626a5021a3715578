package dev.switchboard.domain.transfers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static dev.switchboard.domain.transfers.TestTransfers.ADDRESS;
import static dev.switchboard.domain.transfers.TestTransfers.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.TransferRole;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClaimTransferServiceTest {
    private final TestTransfers transfers = new TestTransfers();

    @Nested
    class WhenTheTransferIsUnclaimed {
        private final CreateTransfer.Created created = transfers.create(ALICE);

        @Test
        void makesTheCallerItsOneReceiver() {
            ClaimTransfer.Claimed claimed = transfers.claim(BOB, created);

            assertThat(claimed.transfer().receiverKeyId()).contains(BOB.keyId());
            assertThat(transfers.useCases.getTransfer().get(claimed.receiverToken(), created.transfer().id()).role())
                    .isEqualTo(TransferRole.RECEIVER);
        }

        @Test
        void refusesTheSenderClaimingItsOwnTransfer() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> transfers.claim(ALICE, created));
        }

        @Test
        void acceptsTheCodeInLowerCase() {
            String lower = created.transfer().code().value().toLowerCase(java.util.Locale.ROOT);

            assertThat(transfers.useCases.claimTransfer().claim(BOB, new ClaimTransfer.Request(new InviteCode(lower),
                    Optional.empty(), ADDRESS)).transfer().isClaimed()).isTrue();
        }
    }

    @Nested
    class WhenTheTransferIsAlreadyClaimed {
        private final CreateTransfer.Created created = transfers.create(ALICE);
        private final ClaimTransfer.Claimed first = transfers.claim(BOB, created);

        @Test
        void givesTheSameReceiverItsTokenAgain() {
            ClaimTransfer.Claimed again = transfers.claim(BOB, created);

            assertThat(again.transfer().receiverKeyId()).contains(BOB.keyId());
            assertThat(transfers.useCases.getTransfer().get(again.receiverToken(), created.transfer().id()).role())
                    .isEqualTo(TransferRole.RECEIVER);
        }

        @Test
        void refusesAnotherIdentity() {
            assertRefused(ErrorCode.TRANSFER_ALREADY_CLAIMED, () -> transfers.claim(CAROL, created));
            assertThat(transfers.storage.transfers().find(created.transfer().id()).orElseThrow().receiverKeyId())
                    .contains(BOB.keyId());
        }
    }

    @Nested
    class WhenTheTransferIsBoundToAVerifier {
        private final CreateTransfer.Created created = transfers.createWithVerifier(ALICE);

        @Test
        void claimsWithTheRightVerifier() {
            assertThat(transfers.claim(BOB, created, Optional.of(VERIFIER)).transfer().isClaimed()).isTrue();
        }

        @Test
        void refusesAWrongVerifier() {
            assertRefused(ErrorCode.VERIFIER_MISMATCH, () -> transfers.claim(BOB, created, Optional.of(VERIFIER + "!")));
        }

        @Test
        void refusesAMissingVerifier() {
            assertRefused(ErrorCode.VERIFIER_MISMATCH, () -> transfers.claim(BOB, created, Optional.empty()));
        }

        @Test
        void leavesItUnclaimedAfterAMismatch() {
            assertRefused(ErrorCode.VERIFIER_MISMATCH, () -> transfers.claim(BOB, created, Optional.empty()));

            assertThat(transfers.storage.transfers().find(created.transfer().id()).orElseThrow().isClaimed()).isFalse();
        }
    }

    @Nested
    class WhenTheCodeLeadsNowhere {
        @Test
        void refusesAnUnknownCode() {
            assertRefused(ErrorCode.TRANSFER_NOT_FOUND, () -> transfers.useCases.claimTransfer().claim(BOB,
                    new ClaimTransfer.Request(new InviteCode("ZZZZZZZZ"), Optional.empty(), ADDRESS)));
        }

        @Test
        void refusesAnExpiredTransfer() {
            CreateTransfer.Created created = transfers.create(ALICE);
            transfers.clock.advance(Duration.ofMinutes(15));

            assertRefused(ErrorCode.TRANSFER_EXPIRED, () -> transfers.claim(BOB, created));
        }
    }

    @Nested
    class GuessingBudget {
        private final TestTransfers budgeted = new TestTransfers(TestTransfers.limits(8, 16, 1L << 30, 3));
        private final CreateTransfer.Created created = budgeted.createWithVerifier(ALICE);

        private void failOnce(String address) {
            assertRefused(ErrorCode.VERIFIER_MISMATCH, () -> budgeted.useCases.claimTransfer().claim(BOB,
                    new ClaimTransfer.Request(created.transfer().code(), Optional.of("guess"), address)));
        }

        private ClaimTransfer.Request rightClaim(String address) {
            return new ClaimTransfer.Request(created.transfer().code(), Optional.of(VERIFIER), address);
        }

        @Test
        void refusesEvenTheRightVerifierOnceTheAddressSpentItsBudget() {
            failOnce(ADDRESS);
            assertRefused(ErrorCode.TRANSFER_NOT_FOUND, () -> budgeted.useCases.claimTransfer().claim(BOB,
                    new ClaimTransfer.Request(new InviteCode("ZZZZZZZZ"), Optional.empty(), ADDRESS)));
            failOnce(ADDRESS);

            assertRefused(ErrorCode.RATE_LIMITED, () -> budgeted.useCases.claimTransfer().claim(BOB, rightClaim(ADDRESS)));
        }

        @Test
        void chargesOnlyTheAddressThatFailed() {
            failOnce(ADDRESS);
            failOnce(ADDRESS);
            failOnce(ADDRESS);

            assertThat(budgeted.useCases.claimTransfer().claim(BOB, rightClaim("192.0.2.99")).transfer().isClaimed())
                    .isTrue();
        }

        @Test
        void startsAfreshInTheNextWindow() {
            failOnce(ADDRESS);
            failOnce(ADDRESS);
            failOnce(ADDRESS);
            budgeted.clock.advance(budgeted.policy.claimFailureWindow());

            assertThat(budgeted.useCases.claimTransfer().claim(BOB, rightClaim(ADDRESS)).transfer().isClaimed()).isTrue();
        }

        @Test
        void isNotChargedBySuccessfulClaims() {
            for (int i = 0; i < 5; i++) {
                budgeted.useCases.claimTransfer().claim(BOB, rightClaim(ADDRESS));
            }

            failOnce(ADDRESS);
        }
    }
}

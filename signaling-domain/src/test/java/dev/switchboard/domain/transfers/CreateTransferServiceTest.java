package dev.switchboard.domain.transfers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.transfers.TestTransfers.ADDRESS;
import static dev.switchboard.domain.transfers.TestTransfers.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.GetTransfer;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferRole;
import dev.switchboard.ports.model.TransferState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CreateTransferServiceTest {
    private final TestTransfers transfers = new TestTransfers();
    private final Instant start = transfers.clock.instant();

    private CreateTransfer.Created create(Identity sender, int chunks, int chunkBytes, OptionalLong total,
            Optional<Duration> ttl, String address) {
        return transfers.useCases.createTransfer().create(sender,
                new CreateTransfer.Request(chunks, chunkBytes, total, ttl, Optional.empty(), address));
    }

    private CreateTransfer.Created create(int chunks, int chunkBytes, OptionalLong total) {
        return create(ALICE, chunks, chunkBytes, total, Optional.empty(), ADDRESS);
    }

    @Nested
    class WhenTheRequestIsValid {
        private final CreateTransfer.Created created = transfers.create(ALICE);
        private final Transfer transfer = created.transfer();

        @Test
        void createsAWaitingUnclaimedTransferSentByTheCaller() {
            assertThat(transfer.senderKeyId()).isEqualTo(ALICE.keyId());
            assertThat(transfer.senderAddress()).isEqualTo(ADDRESS);
            assertThat(transfer.isClaimed()).isFalse();
            assertThat(transfer.stateAt(start)).isEqualTo(TransferState.WAITING);
            assertThat(transfers.storage.transfers().find(transfer.id())).contains(transfer);
        }

        @Test
        void reservesEveryChunkAtItsLargestWhenNoTotalIsDeclared() {
            assertThat(transfer.reservedBytes()).isEqualTo(3L * 16);
        }

        @Test
        void reservesTheDeclaredTotal() {
            assertThat(create(3, 16, OptionalLong.of(40)).transfer().reservedBytes()).isEqualTo(40);
        }

        @Test
        void returnsTheSendersCapabilityToken() {
            GetTransfer.View view = transfers.useCases.getTransfer().get(created.senderToken(), transfer.id());

            assertThat(view.role()).isEqualTo(TransferRole.SENDER);
            assertThat(view.transfer()).isEqualTo(transfer);
        }
    }

    @Nested
    class WhenTheShapeBreaksThePolicy {
        @Test
        void refusesAChunkCountOutOfRange() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> create(0, 16, OptionalLong.empty()));
            assertRefused(ErrorCode.VALIDATION_FAILED,
                    () -> create(transfers.policy.maxChunkCount() + 1, 16, OptionalLong.empty()));
        }

        @Test
        void refusesAChunkSizeOutOfRange() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> create(1, 0, OptionalLong.empty()));
            assertRefused(ErrorCode.VALIDATION_FAILED,
                    () -> create(1, transfers.policy.maxChunkBytes() + 1, OptionalLong.empty()));
        }

        @Test
        void refusesATotalTheChunksCannotHold() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> create(3, 16, OptionalLong.of(49)));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> create(3, 16, OptionalLong.of(0)));
        }

        @Test
        void refusesMoreBytesThanOneTransferMayCarry() {
            int chunkBytes = transfers.policy.maxChunkBytes();
            int chunks = (int) (transfers.policy.maxTransferBytes() / chunkBytes) + 1;

            assertRefused(ErrorCode.VALIDATION_FAILED, () -> create(chunks, chunkBytes, OptionalLong.empty()));
        }

        @Test
        void storesNothing() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> create(0, 16, OptionalLong.empty()));

            assertThat(transfers.storage.transfers().reservedBytes(start)).isZero();
        }
    }

    @Nested
    class WhenChoosingTheLifetime {
        private Transfer withTtl(Optional<Duration> ttl) {
            return create(ALICE, 1, 16, OptionalLong.empty(), ttl, ADDRESS).transfer();
        }

        @Test
        void usesTheDefaultWhenNoneIsAsked() {
            assertThat(withTtl(Optional.empty()).expiresAt()).isEqualTo(start.plus(Duration.ofMinutes(15)));
        }

        @Test
        void clampsToTheBounds() {
            assertThat(withTtl(Optional.of(Duration.ofSeconds(5))).expiresAt()).isEqualTo(start.plus(Duration.ofMinutes(1)));
            assertThat(withTtl(Optional.of(Duration.ofDays(9))).expiresAt()).isEqualTo(start.plus(Duration.ofHours(24)));
        }

        @Test
        void limitsEveryTransferToTheMaximumLifetime() {
            assertThat(withTtl(Optional.empty()).hardExpiresAt()).isEqualTo(start.plus(Duration.ofHours(48)));
        }

        @Test
        void refusesANonPositiveTtl() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> withTtl(Optional.of(Duration.ZERO)));
        }
    }

    @Nested
    class WhenAVerifierIsGiven {
        @Test
        void keepsOnlyAKeyedDigestOfIt() {
            Transfer transfer = transfers.createWithVerifier(ALICE).transfer();
            Transfer stored = transfers.storage.transfers().find(transfer.id()).orElseThrow();

            assertThat(stored.verifierDigest()).hasValueSatisfying(digest ->
                    assertThat(digest).matches("[0-9a-f]{64}").doesNotContain(VERIFIER));
        }

        @Test
        void refusesAnOverlongVerifier() {
            String overlong = "v".repeat(transfers.policy.maxVerifierLength() + 1);

            assertRefused(ErrorCode.VALIDATION_FAILED, () -> transfers.useCases.createTransfer().create(ALICE,
                    TestTransfers.request(Optional.of(overlong))));
        }
    }

    @Nested
    class WhenTheLiveLimitsAreReached {
        private final TestTransfers limited = new TestTransfers(TestTransfers.limits(2, 3, 1L << 30, 10));

        @Test
        void refusesAThirdLiveTransferFromOneIdentity() {
            limited.create(ALICE);
            limited.create(ALICE);

            assertRefused(ErrorCode.LIMIT_REACHED, () -> limited.create(ALICE));
        }

        @Test
        void refusesAFourthLiveTransferFromOneAddress() {
            limited.create(ALICE);
            limited.create(BOB);
            limited.create(TestCore.CAROL);

            assertRefused(ErrorCode.LIMIT_REACHED, () -> limited.create(TestCore.peer("dave")));
        }

        @Test
        void countsOnlyLiveTransfers() {
            limited.create(ALICE);
            limited.create(ALICE);
            limited.clock.advance(Duration.ofMinutes(16));

            assertThat(limited.create(ALICE).transfer().senderKeyId()).isEqualTo(ALICE.keyId());
        }
    }

    @Nested
    class WhenTheServerHoldsAllItMay {
        private final TestTransfers small = new TestTransfers(TestTransfers.limits(8, 16, 100, 10));

        @Test
        void refusesATransferWhoseBytesDoNotFit() {
            small.useCases.createTransfer().create(ALICE,
                    new CreateTransfer.Request(4, 16, OptionalLong.of(60), Optional.empty(), Optional.empty(), ADDRESS));

            assertRefused(ErrorCode.STORAGE_FULL, () -> small.useCases.createTransfer().create(BOB,
                    new CreateTransfer.Request(4, 16, OptionalLong.of(60), Optional.empty(), Optional.empty(), "x")));
        }
    }

    @Nested
    class InviteCodes {
        @Test
        void drawsAgainWhenTheCodeIsTaken() {
            transfers.entropy.drawCodes("ABCDEFGH");
            transfers.create(ALICE);
            transfers.entropy.drawCodes("ABCDEFGH", "JKMNPQRS");

            assertThat(transfers.create(BOB).transfer().code().value()).isEqualTo("JKMNPQRS");
        }

        @Test
        void givesUpAfterEightTakenCodes() {
            transfers.entropy.drawCodes("ABCDEFGH");
            transfers.create(ALICE);
            transfers.entropy.drawCodes("ABCDEFGH", "ABCDEFGH", "ABCDEFGH", "ABCDEFGH", "ABCDEFGH", "ABCDEFGH",
                    "ABCDEFGH", "ABCDEFGH");

            assertRefused(ErrorCode.SERVICE_UNAVAILABLE, () -> transfers.create(BOB));
        }
    }
}

package dev.switchboard.domain.transfers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.transfers.TestTransfers.ADDRESS;
import static dev.switchboard.domain.transfers.TestTransfers.bytes;
import static dev.switchboard.domain.transfers.TestTransfers.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.UploadChunk;
import dev.switchboard.ports.model.TransferState;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UploadChunkServiceTest {
    private final TestTransfers transfers = new TestTransfers();
    private final CreateTransfer.Created created = transfers.create(ALICE);

    private UploadChunk.Uploaded upload(String token, int index, byte[] bytes) {
        return transfers.useCases.uploadChunk().upload(ALICE, token, id(created), index, bytes);
    }

    @Nested
    class WhenTheChunkIsNew {
        private final UploadChunk.Uploaded uploaded = transfers.upload(ALICE, created, 1, "first bytes");

        @Test
        void storesItWithItsSha256() throws Exception {
            String expected = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes("first bytes")));

            assertThat(uploaded.sha256()).isEqualTo(expected);
            assertThat(uploaded.duplicate()).isFalse();
            assertThat(uploaded.transfer().uploadedChunks()).isOne();
            assertThat(uploaded.transfer().stateAt(transfers.clock.instant())).isEqualTo(TransferState.AVAILABLE);
        }

        @Test
        void treatsTheSameBytesAgainAsTheSameChunk() {
            UploadChunk.Uploaded again = transfers.upload(ALICE, created, 1, "first bytes");

            assertThat(again.duplicate()).isTrue();
            assertThat(again.transfer().uploadedChunks()).isOne();
        }

        @Test
        void refusesOtherBytesAtTheSameIndex() {
            assertRefused(ErrorCode.CHUNK_CONFLICT, () -> transfers.upload(ALICE, created, 1, "other bytes"));
        }
    }

    @Nested
    class WhenTheChunkDoesNotFit {
        @Test
        void refusesAChunkLargerThanTheTransfersChunkSize() {
            assertRefused(ErrorCode.PAYLOAD_TOO_LARGE, () -> upload(created.senderToken(), 0, new byte[17]));
        }

        @Test
        void refusesAnIndexOutsideTheChunkCount() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> upload(created.senderToken(), -1, new byte[1]));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> upload(created.senderToken(), 3, new byte[1]));
        }

        @Test
        void refusesBytesPastTheDeclaredTotal() {
            CreateTransfer.Created small = transfers.useCases.createTransfer().create(ALICE,
                    new CreateTransfer.Request(3, 16, OptionalLong.of(20), Optional.empty(), Optional.empty(), ADDRESS));
            transfers.useCases.uploadChunk().upload(ALICE, small.senderToken(), id(small), 0, new byte[16]);

            assertRefused(ErrorCode.TRANSFER_BYTES_EXCEEDED, () -> transfers.useCases.uploadChunk()
                    .upload(ALICE, small.senderToken(), id(small), 1, new byte[16]));
        }
    }

    @Nested
    class WhenTheTokenIsNotTheSenders {
        @Test
        void refusesTheReceiversToken() {
            ClaimTransfer.Claimed claimed = transfers.claim(BOB, created);

            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> transfers.useCases.uploadChunk()
                    .upload(BOB, claimed.receiverToken(), id(created), 0, new byte[1]));
        }

        @Test
        void refusesTheSendersTokenPresentedByAnotherIdentity() {
            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> transfers.useCases.uploadChunk()
                    .upload(BOB, created.senderToken(), id(created), 0, new byte[1]));
        }

        @Test
        void refusesATokenOfAnotherTransfer() {
            CreateTransfer.Created other = transfers.create(ALICE);

            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> upload(other.senderToken(), 0, new byte[1]));
        }

        @Test
        void refusesAForgedToken() {
            String forged = created.senderToken().substring(0, created.senderToken().length() - 2) + "AA";

            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> upload(forged, 0, new byte[1]));
        }
    }

    @Nested
    class WhenTheTransferIsNotLive {
        @Test
        void refusesAnExpiredTransfer() {
            transfers.clock.advance(Duration.ofMinutes(15));

            assertRefused(ErrorCode.TRANSFER_EXPIRED, () -> transfers.upload(ALICE, created, 0, "late"));
        }

        @Test
        void refusesACompleteTransfer() {
            ClaimTransfer.Claimed claimed = transfers.claim(BOB, created);
            for (int index = 0; index < 3; index++) {
                transfers.upload(ALICE, created, index, "chunk " + index);
                transfers.useCases.acknowledgeChunk().acknowledge(BOB, claimed.receiverToken(), id(created), index);
            }

            assertRefused(ErrorCode.TRANSFER_COMPLETE, () -> transfers.upload(ALICE, created, 0, "chunk 0"));
        }
    }
}

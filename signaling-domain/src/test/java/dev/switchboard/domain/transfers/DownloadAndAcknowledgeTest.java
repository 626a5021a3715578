package dev.switchboard.domain.transfers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static dev.switchboard.domain.transfers.TestTransfers.bytes;
import static dev.switchboard.domain.transfers.TestTransfers.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.AcknowledgeChunk;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.DownloadChunk;
import dev.switchboard.ports.driving.GetTransfer;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferRole;
import dev.switchboard.ports.model.TransferState;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DownloadAndAcknowledgeTest {
    private final TestTransfers transfers = new TestTransfers();
    private final CreateTransfer.Created created = transfers.create(ALICE);
    private final ClaimTransfer.Claimed claimed = transfers.claim(BOB, created);
    private final String receiverToken = claimed.receiverToken();
    private final DownloadChunk download = transfers.useCases.downloadChunk();
    private final AcknowledgeChunk acknowledge = transfers.useCases.acknowledgeChunk();

    private Transfer ack(int index) {
        return acknowledge.acknowledge(BOB, receiverToken, id(created), index);
    }

    @Nested
    class BeforeAnythingIsUploaded {
        @Test
        void hasNoChunkToGive() {
            assertRefused(ErrorCode.CHUNK_NOT_AVAILABLE, () -> download.byIndex(receiverToken, id(created), 0));
            assertThat(download.next(receiverToken, id(created))).isInstanceOfSatisfying(DownloadChunk.Next.Nothing.class,
                    nothing -> assertThat(nothing.transfer().stateAt(transfers.clock.instant()))
                            .isEqualTo(TransferState.WAITING));
        }

        @Test
        void refusesToAcknowledgeAChunkNotUploaded() {
            assertRefused(ErrorCode.CHUNK_NOT_AVAILABLE, () -> ack(0));
        }
    }

    @Nested
    class WhenAResponseIsLost {
        WhenAResponseIsLost() {
            transfers.upload(ALICE, created, 0, "zero");
        }

        @Test
        void readsTheSameChunkAgainUntilItIsAcknowledged() {
            Chunk first = download.byIndex(receiverToken, id(created), 0);
            Chunk second = download.byIndex(receiverToken, id(created), 0);

            assertThat(second).isEqualTo(first);
            assertThat(second.bytes()).isEqualTo(bytes("zero"));
        }

        @Test
        void offersTheSameNextChunkAgainUntilItIsAcknowledged() {
            DownloadChunk.Next first = download.next(receiverToken, id(created));
            DownloadChunk.Next second = download.next(receiverToken, id(created));

            assertThat(first).isInstanceOf(DownloadChunk.Next.Ready.class);
            assertThat(((DownloadChunk.Next.Ready) second).chunk()).isEqualTo(((DownloadChunk.Next.Ready) first).chunk());
        }

        @Test
        void deletesTheChunkOnlyOnAcknowledgement() {
            download.byIndex(receiverToken, id(created), 0);
            ack(0);

            assertRefused(ErrorCode.CHUNK_ACKNOWLEDGED, () -> download.byIndex(receiverToken, id(created), 0));
            assertThat(download.next(receiverToken, id(created))).isInstanceOf(DownloadChunk.Next.Nothing.class);
        }

        @Test
        void takesASecondAcknowledgementCalmly() {
            ack(0);

            assertThat(ack(0).acknowledgedChunks()).isOne();
        }
    }

    @Nested
    class WhenTheTokenIsWrong {
        @Test
        void refusesTheSendersTokenForDownloads() {
            transfers.upload(ALICE, created, 0, "zero");

            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> download.byIndex(created.senderToken(), id(created), 0));
            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> download.next(created.senderToken(), id(created)));
        }

        @Test
        void refusesTheReceiversTokenAcknowledgedByAnotherIdentity() {
            transfers.upload(ALICE, created, 0, "zero");

            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> acknowledge.acknowledge(CAROL, receiverToken, id(created), 0));
        }

        @Test
        void refusesTheReceiversTokenForAnotherTransfer() {
            CreateTransfer.Created other = transfers.create(ALICE);

            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> download.next(receiverToken, id(other)));
        }
    }

    @Nested
    class WhenEveryChunkIsAcknowledged {
        private Transfer last;

        WhenEveryChunkIsAcknowledged() {
            for (int index = 0; index < TestTransfers.CHUNKS; index++) {
                transfers.upload(ALICE, created, index, "chunk " + index);
                last = ack(index);
            }
        }

        @Test
        void completesTheTransfer() {
            assertThat(last.isComplete()).isTrue();
            assertThat(last.stateAt(transfers.clock.instant())).isEqualTo(TransferState.COMPLETE);
            assertThat(download.next(receiverToken, id(created))).isInstanceOf(DownloadChunk.Next.Nothing.class);
        }

        @Test
        void cannotBeClaimedAnyMore() {
            assertRefused(ErrorCode.TRANSFER_COMPLETE, () -> transfers.claim(CAROL, created));
        }
    }

    @Nested
    class WhenTheTransferExpired {
        @Test
        void refusesDownloads() {
            transfers.upload(ALICE, created, 0, "zero");
            transfers.clock.advance(Duration.ofMinutes(16));

            assertRefused(ErrorCode.TRANSFER_EXPIRED, () -> download.byIndex(receiverToken, id(created), 0));
            assertRefused(ErrorCode.TRANSFER_EXPIRED, () -> download.next(receiverToken, id(created)));
            assertRefused(ErrorCode.TRANSFER_EXPIRED, () -> ack(0));
        }
    }

    @Nested
    class GettingTheTransfer {
        @Test
        void tellsEachEndItsRole() {
            GetTransfer.View sender = transfers.useCases.getTransfer().get(created.senderToken(), id(created));
            GetTransfer.View receiver = transfers.useCases.getTransfer().get(receiverToken, id(created));

            assertThat(sender.role()).isEqualTo(TransferRole.SENDER);
            assertThat(receiver.role()).isEqualTo(TransferRole.RECEIVER);
            assertThat(receiver.transfer().receiverKeyId()).contains(BOB.keyId());
            assertThat(receiver.readAt()).isEqualTo(transfers.clock.instant());
        }

        @Test
        void refusesAGarbageToken() {
            assertRefused(ErrorCode.CAPABILITY_INVALID, () -> transfers.useCases.getTransfer().get("v1.AAAA.BBBB", id(created)));
        }
    }
}

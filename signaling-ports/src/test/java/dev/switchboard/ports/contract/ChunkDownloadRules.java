package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static dev.switchboard.ports.testing.TransferFixtures.randomTransferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore.ChunkRead;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import org.junit.jupiter.api.Test;

/** Reading chunks and finding the next one the receiver has not acknowledged. */
abstract class ChunkDownloadRules extends TransferStoreRules {

    @Test
    void readsAnUploadedChunkAsItWasUploaded() {
        Transfer transfer = create(aTransfer());
        Chunk chunk = upload(aChunk(transfer, 3, 777));

        assertThat(store.readChunk(transfer.id(), 3)).isEqualTo(new ChunkRead.Available(chunk));
    }

    @Test
    void readsNotUploadedForAnIndexNeverUploaded() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);

        assertThat(store.readChunk(transfer.id(), 1)).isEqualTo(new ChunkRead.NotUploaded());
    }

    @Test
    void readsNotUploadedForAnUnknownTransfer() {
        assertThat(store.readChunk(randomTransferId(), 0)).isEqualTo(new ChunkRead.NotUploaded());
    }

    @Test
    void readsAcknowledgedOnceTheReceiverAcknowledgedTheChunk() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);
        Chunk kept = upload(transfer, 1);

        acknowledge(transfer, 0);

        assertThat(store.readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.Acknowledged());
        assertThat(store.readChunk(transfer.id(), 1)).isEqualTo(new ChunkRead.Available(kept));
    }

    @Test
    void offersTheUnacknowledgedChunkWithTheLowestIndexNext() {
        Transfer transfer = create(aTransfer());
        Chunk third = upload(transfer, 3);
        Chunk first = upload(transfer, 1);
        Chunk second = upload(transfer, 2);

        assertThat(store.nextPendingChunk(transfer.id())).contains(first);
        acknowledge(transfer, 1);
        assertThat(store.nextPendingChunk(transfer.id())).contains(second);
        acknowledge(transfer, 2);
        assertThat(store.nextPendingChunk(transfer.id())).contains(third);
        acknowledge(transfer, 3);
        assertThat(store.nextPendingChunk(transfer.id())).isEmpty();
    }

    @Test
    void offersNothingBeforeTheFirstUpload() {
        Transfer transfer = create(aTransfer());

        assertThat(store.nextPendingChunk(transfer.id())).isEmpty();
        assertThat(store.nextPendingChunk(randomTransferId())).isEmpty();
    }

    @Test
    void offersAChunkUploadedAfterTheEarlierOnesWereAcknowledged() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 2);
        acknowledge(transfer, 2);

        Chunk lower = upload(transfer, 0);

        assertThat(store.nextPendingChunk(transfer.id())).contains(lower);
    }
}

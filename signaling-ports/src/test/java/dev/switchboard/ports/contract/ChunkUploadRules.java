package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.TransferFixtures.LIFETIME;
import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.TTL;
import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static dev.switchboard.ports.testing.TransferFixtures.chunk;
import static dev.switchboard.ports.testing.TransferFixtures.randomTransferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore.ChunkRead;
import dev.switchboard.ports.driven.TransferStore.Upload;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Uploading chunks: progress, idempotent repeats, conflicts, bounds, and the race for one index. */
abstract class ChunkUploadRules extends TransferStoreRules {
    private static final int MEBIBYTE = 1024 * 1024;
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(8));

    @Test
    void storesAChunkCountsItAndExtendsTheExpiry() {
        Transfer transfer = create(aTransfer());
        Chunk chunk = aChunk(transfer, 2, 1000);
        Instant at = NOW.plus(TTL).minus(Duration.ofMinutes(1));

        Upload upload = store.putChunk(chunk, at, EXTENSION);

        Transfer expected = progressed(transfer, 1, 1000, 0, at.plus(EXTENSION));
        assertThat(upload).isEqualTo(new Upload.Stored(expected));
        assertThat(current(transfer)).isEqualTo(expected);
        assertThat(store.readChunk(transfer.id(), 2)).isEqualTo(new ChunkRead.Available(chunk));
    }

    @Test
    void neverExtendsTheExpiryPastTheHardExpiry() {
        Instant hardExpiry = NOW.plus(LIFETIME);
        Transfer transfer = create(aTransfer().expiresAt(hardExpiry.minusSeconds(60)).hardExpiresAt(hardExpiry));

        Upload upload = store.putChunk(aChunk(transfer, 0, 10), hardExpiry.minusSeconds(90), EXTENSION);

        assertThat(upload).isEqualTo(new Upload.Stored(progressed(transfer, 1, 10, 0, hardExpiry)));
    }

    @Test
    void countsEveryDistinctIndexWithItsBytes() {
        Transfer transfer = create(aTransfer());
        upload(aChunk(transfer, 3, 300));
        upload(aChunk(transfer, 0, 1024));
        upload(aChunk(transfer, 1, 1));

        assertThat(current(transfer)).isEqualTo(progressed(transfer, 3, 1325, 0, transfer.expiresAt()));
    }

    @Test
    void keepsEveryByteOfAMebibyteChunkAndOfASingleZeroByte() {
        Transfer transfer = create(aTransfer().chunks(3, MEBIBYTE));
        Chunk large = upload(aChunk(transfer, 0, MEBIBYTE));
        Chunk tiny = upload(chunk(transfer, 1, new byte[] {0}));
        Chunk random = upload(aChunk(transfer, 2, 4099));

        assertThat(store.readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.Available(large));
        assertThat(store.readChunk(transfer.id(), 1)).isEqualTo(new ChunkRead.Available(tiny));
        assertThat(store.readChunk(transfer.id(), 2)).isEqualTo(new ChunkRead.Available(random));
        assertThat(((ChunkRead.Available) store.readChunk(transfer.id(), 0)).chunk().bytes()).isEqualTo(large.bytes());
    }

    @Test
    void answersDuplicateForTheSameBytesAndChangesOnlyTheExpiry() {
        Transfer transfer = create(aTransfer());
        Chunk chunk = upload(aChunk(transfer, 0, 500));

        Upload again = store.putChunk(chunk, LATER, EXTENSION);

        Transfer expected = progressed(transfer, 1, 500, 0, LATER.plus(EXTENSION));
        assertThat(again).isEqualTo(new Upload.Duplicate(expected));
        assertThat(current(transfer)).isEqualTo(expected);
        assertThat(store.readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.Available(chunk));
    }

    @Test
    void answersDuplicateForTheSameBytesEvenAfterTheyWereAcknowledged() {
        Transfer transfer = create(aTransfer());
        Chunk chunk = upload(aChunk(transfer, 1, 500));
        acknowledge(transfer, 1);

        Upload again = store.putChunk(chunk, LATER, EXTENSION);

        Transfer expected = progressed(transfer, 1, 500, 1, LATER.plus(EXTENSION));
        assertThat(again).isEqualTo(new Upload.Duplicate(expected));
        assertThat(store.readChunk(transfer.id(), 1)).isEqualTo(new ChunkRead.Acknowledged());
    }

    @Test
    void answersDuplicateForARepeatedLastChunkOfATransferAlreadyHoldingAllItsBytes() {
        Transfer transfer = create(aTransfer().chunks(2, 100));
        upload(transfer, 0);
        Chunk last = upload(transfer, 1);

        assertThat(store.putChunk(last, NOW, EXTENSION)).isInstanceOf(Upload.Duplicate.class);
        assertThat(store.putChunk(aChunk(transfer, 1), NOW, EXTENSION)).isInstanceOf(Upload.Conflict.class);
    }

    @Test
    void answersConflictForOtherBytesAndChangesNothing() {
        Transfer transfer = create(aTransfer());
        Chunk first = upload(aChunk(transfer, 0, 500));
        Transfer before = current(transfer);

        Upload other = store.putChunk(aChunk(transfer, 0, 500), LATER, EXTENSION);

        assertThat(other).isEqualTo(new Upload.Conflict(before));
        assertThat(current(transfer)).isEqualTo(before);
        assertThat(store.readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.Available(first));
    }

    @Test
    void answersConflictForOtherBytesAfterTheFirstWereAcknowledged() {
        Transfer transfer = create(aTransfer());
        upload(aChunk(transfer, 0, 500));
        Transfer acknowledged = acknowledge(transfer, 0);

        assertThat(store.putChunk(aChunk(transfer, 0, 400), LATER, EXTENSION))
                .isEqualTo(new Upload.Conflict(acknowledged));
        assertThat(store.readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.Acknowledged());
    }

    @Test
    void refusesAnIndexNotBelowTheChunkCount() {
        Transfer transfer = create(aTransfer().chunks(4, 100));

        Upload upload = store.putChunk(aChunk(transfer, 4, 10), NOW, EXTENSION);

        assertThat(upload).isInstanceOf(Upload.OutOfBounds.class);
        assertThat(((Upload.OutOfBounds) upload).transfer().uploadedChunks()).isZero();
        assertThat(current(transfer)).isEqualTo(transfer);
        assertThat(store.readChunk(transfer.id(), 4)).isEqualTo(new ChunkRead.NotUploaded());
    }

    @Test
    void refusesAChunkThatWouldTakeTheTransferPastItsReservedBytes() {
        Transfer transfer = create(aTransfer().chunks(4, 1000).reservedBytes(2500));
        upload(aChunk(transfer, 0, 1000));
        upload(aChunk(transfer, 1, 1000));

        Upload tooLarge = store.putChunk(aChunk(transfer, 2, 501), NOW, EXTENSION);

        assertThat(tooLarge).isInstanceOf(Upload.OutOfBounds.class);
        assertThat(current(transfer).uploadedBytes()).isEqualTo(2000);
        assertThat(store.readChunk(transfer.id(), 2)).isEqualTo(new ChunkRead.NotUploaded());
        assertThat(store.putChunk(aChunk(transfer, 2, 500), NOW, EXTENSION)).isEqualTo(new Upload.Stored(
                progressed(transfer, 3, 2500, 0, transfer.expiresAt())));
    }

    @Test
    void refusesAnUnknownTransfer() {
        Transfer unknown = aTransfer().id(randomTransferId()).build();

        assertThat(store.putChunk(aChunk(unknown, 0, 10), NOW, EXTENSION))
                .isEqualTo(new Upload.NotLive(Optional.empty()));
    }

    @Test
    void refusesATransferFromTheMomentItExpires() {
        Transfer transfer = create(aTransfer());

        assertThat(store.putChunk(aChunk(transfer, 0, 10), transfer.expiresAt(), EXTENSION))
                .isEqualTo(new Upload.NotLive(Optional.of(transfer)));
        assertThat(store.readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.NotUploaded());
    }

    @Test
    void refusesACompleteTransfer() {
        Transfer complete = complete(aTransfer().chunks(1, 64));

        assertThat(store.putChunk(aChunk(complete, 0, 10), NOW, EXTENSION))
                .isEqualTo(new Upload.NotLive(Optional.of(complete)));
    }

    @Test
    void storesExactlyOneOfManyConcurrentUploadsOfOneIndex() {
        Transfer transfer = create(aTransfer());
        List<Chunk> contenders = IntStream.range(0, 16).mapToObj(i -> aChunk(transfer, 1, 700)).toList();

        List<Upload> uploads = Race.run(16, i -> store.putChunk(contenders.get(i), NOW, EXTENSION));

        assertThat(uploads).filteredOn(Upload.Stored.class::isInstance).hasSize(1);
        assertThat(uploads).filteredOn(Upload.Conflict.class::isInstance).hasSize(15);
        Chunk winner = contenders.get(uploads.indexOf(uploads.stream()
                .filter(Upload.Stored.class::isInstance).findFirst().orElseThrow()));
        assertThat(store.readChunk(transfer.id(), 1)).isEqualTo(new ChunkRead.Available(winner));
        assertThat(current(transfer)).isEqualTo(progressed(transfer, 1, 700, 0, transfer.expiresAt()));
    }

    @Test
    void storesOnceAndAnswersDuplicateToManyConcurrentUploadsOfTheSameBytes() {
        Transfer transfer = create(aTransfer());
        Chunk chunk = aChunk(transfer, 0, 700);

        List<Upload> uploads = Race.run(16, i -> store.putChunk(chunk, NOW, EXTENSION));

        assertThat(uploads).filteredOn(Upload.Stored.class::isInstance).hasSize(1);
        assertThat(uploads).filteredOn(Upload.Duplicate.class::isInstance).hasSize(15);
        assertThat(current(transfer)).isEqualTo(progressed(transfer, 1, 700, 0, transfer.expiresAt()));
    }

    @Test
    void losesNoneOfManyConcurrentUploadsOfDistinctIndices() {
        Transfer transfer = create(aTransfer().chunks(40, 64));

        List<Upload> uploads = Race.run(40, i -> store.putChunk(aChunk(transfer, i), NOW, EXTENSION));

        assertThat(uploads).allMatch(Upload.Stored.class::isInstance);
        assertThat(current(transfer)).isEqualTo(progressed(transfer, 40, 40 * 64, 0, transfer.expiresAt()));
    }

    @Test
    void neverPassesTheReservedBytesUnderConcurrentUploads() {
        Transfer transfer = create(aTransfer().chunks(30, 100).reservedBytes(1000));

        List<Upload> uploads = Race.run(30, i -> store.putChunk(aChunk(transfer, i), NOW, EXTENSION));

        assertThat(uploads).filteredOn(Upload.Stored.class::isInstance).hasSize(10);
        assertThat(uploads).filteredOn(Upload.OutOfBounds.class::isInstance).hasSize(20);
        assertThat(current(transfer)).isEqualTo(progressed(transfer, 10, 1000, 0, transfer.expiresAt()));
    }
}

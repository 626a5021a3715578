package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driven.TransferStore.Acknowledgement;
import dev.switchboard.ports.driven.TransferStore.Claim;
import dev.switchboard.ports.driven.TransferStore.Creation;
import dev.switchboard.ports.driven.TransferStore.Upload;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.testing.TransferFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** What every group of the transfer store contract shares: a store per test and steps that must succeed. */
abstract class TransferStoreRules {
    /** How far activity pushes a transfer's expiry from now: less than a fixture transfer's own TTL. */
    static final Duration EXTENSION = Duration.ofMinutes(5);
    /** A server byte budget that never matters where a test is not about it. */
    static final long ROOMY = Long.MAX_VALUE / 2;

    TransferStore store;

    protected abstract TransferStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    /** Stores the transfer at {@link TransferFixtures#NOW} and returns it. */
    Transfer create(TransferFixtures.Builder transfer) {
        Transfer built = transfer.build();
        assertThat(store.create(built, NOW, ROOMY)).isEqualTo(new Creation.Created(built));
        return built;
    }

    /** Claims at {@link TransferFixtures#NOW} for a random receiver and returns the transfer as it now is. */
    Transfer claim(Transfer transfer) {
        Claim claim = store.claim(transfer.id(), randomKeyId(), NOW, EXTENSION);
        assertThat(claim).isInstanceOf(Claim.Claimed.class);
        return ((Claim.Claimed) claim).transfer();
    }

    /** Uploads a full-size chunk of random bytes at {@link TransferFixtures#NOW} and returns it. */
    Chunk upload(Transfer transfer, int index) {
        return upload(aChunk(transfer, index));
    }

    Chunk upload(Chunk chunk) {
        assertThat(store.putChunk(chunk, NOW, EXTENSION)).isInstanceOf(Upload.Stored.class);
        return chunk;
    }

    /** Acknowledges at {@link TransferFixtures#NOW} and returns the transfer as it now is. */
    Transfer acknowledge(Transfer transfer, int index) {
        Acknowledgement acknowledgement = store.acknowledge(transfer.id(), index, NOW, EXTENSION);
        assertThat(acknowledgement).isInstanceOf(Acknowledgement.Acknowledged.class);
        return ((Acknowledgement.Acknowledged) acknowledgement).transfer();
    }

    /** A transfer of one chunk, uploaded and acknowledged at {@link TransferFixtures#NOW}: complete. */
    Transfer complete(TransferFixtures.Builder transfer) {
        Transfer created = create(transfer.chunks(1, 64));
        claim(created);
        upload(created, 0);
        Transfer completed = acknowledge(created, 0);
        assertThat(completed.completedAt()).contains(NOW);
        return completed;
    }

    Transfer current(Transfer transfer) {
        return store.find(transfer.id()).orElseThrow();
    }

    /** {@code transfer} claimed by {@code receiverKeyId}, expiring at {@code expiresAt}. */
    static Transfer claimed(Transfer transfer, String receiverKeyId, Instant expiresAt) {
        return copy(transfer, Optional.of(receiverKeyId), expiresAt, transfer.uploadedChunks(),
                transfer.uploadedBytes(), transfer.acknowledgedChunks(), transfer.completedAt());
    }

    /** {@code transfer} with the given progress, expiring at {@code expiresAt}. */
    static Transfer progressed(Transfer transfer, int uploadedChunks, long uploadedBytes, int acknowledgedChunks,
            Instant expiresAt) {
        return copy(transfer, transfer.receiverKeyId(), expiresAt, uploadedChunks, uploadedBytes, acknowledgedChunks,
                transfer.completedAt());
    }

    static Transfer completed(Transfer transfer, Instant completedAt) {
        return copy(transfer, transfer.receiverKeyId(), transfer.expiresAt(), transfer.uploadedChunks(),
                transfer.uploadedBytes(), transfer.acknowledgedChunks(), Optional.of(completedAt));
    }

    static Transfer purged(Transfer transfer, Instant purgedAt) {
        return new Transfer(transfer.id(), transfer.code(), transfer.senderKeyId(), transfer.senderAddress(),
                transfer.chunkCount(), transfer.maxChunkBytes(), transfer.reservedBytes(), transfer.verifierDigest(),
                transfer.receiverKeyId(), transfer.createdAt(), transfer.expiresAt(), transfer.hardExpiresAt(),
                transfer.uploadedChunks(), transfer.uploadedBytes(), transfer.acknowledgedChunks(),
                transfer.completedAt(), Optional.of(purgedAt));
    }

    private static Transfer copy(Transfer transfer, Optional<String> receiverKeyId, Instant expiresAt,
            int uploadedChunks, long uploadedBytes, int acknowledgedChunks, Optional<Instant> completedAt) {
        return new Transfer(transfer.id(), transfer.code(), transfer.senderKeyId(), transfer.senderAddress(),
                transfer.chunkCount(), transfer.maxChunkBytes(), transfer.reservedBytes(), transfer.verifierDigest(),
                receiverKeyId, transfer.createdAt(), expiresAt, transfer.hardExpiresAt(), uploadedChunks,
                uploadedBytes, acknowledgedChunks, completedAt, transfer.purgedAt());
    }
}

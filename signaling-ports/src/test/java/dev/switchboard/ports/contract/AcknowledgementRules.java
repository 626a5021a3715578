package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.TTL;
import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static dev.switchboard.ports.testing.TransferFixtures.randomTransferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore.Acknowledgement;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferState;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Acknowledging chunks: counting, completing with the last one, and repeats. */
abstract class AcknowledgementRules extends TransferStoreRules {

    @Test
    void countsAnAcknowledgedChunkAndExtendsTheExpiry() {
        Transfer transfer = create(aTransfer());
        upload(aChunk(transfer, 0, 600));
        Instant at = NOW.plus(TTL).minus(Duration.ofMinutes(1));

        Acknowledgement acknowledgement = store.acknowledge(transfer.id(), 0, at, EXTENSION);

        Transfer expected = progressed(transfer, 1, 600, 1, at.plus(EXTENSION));
        assertThat(acknowledgement).isEqualTo(new Acknowledgement.Acknowledged(expected));
        assertThat(current(transfer)).isEqualTo(expected);
        assertThat(current(transfer).stateAt(at)).isEqualTo(TransferState.WAITING);
    }

    @Test
    void completesTheTransferAtNowWithTheLastChunk() {
        Transfer transfer = create(aTransfer().chunks(2, 100));
        upload(transfer, 1);
        upload(transfer, 0);
        acknowledge(transfer, 1);
        Instant at = NOW.plus(Duration.ofMinutes(2));

        Acknowledgement last = store.acknowledge(transfer.id(), 0, at, EXTENSION);

        Transfer expected = completed(progressed(transfer, 2, 200, 2, transfer.expiresAt()), at);
        assertThat(last).isEqualTo(new Acknowledgement.Acknowledged(expected));
        assertThat(current(transfer)).isEqualTo(expected);
        assertThat(current(transfer).stateAt(at)).isEqualTo(TransferState.COMPLETE);
    }

    @Test
    void doesNotCompleteWhileChunksAreStillToBeUploaded() {
        Transfer transfer = create(aTransfer().chunks(2, 100));
        upload(transfer, 0);

        Transfer acknowledged = acknowledge(transfer, 0);

        assertThat(acknowledged.completedAt()).isEmpty();
        assertThat(current(transfer).isLiveAt(NOW)).isTrue();
    }

    @Test
    void answersAlreadyAcknowledgedToASecondAcknowledgement() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);
        Transfer acknowledged = acknowledge(transfer, 0);

        assertThat(store.acknowledge(transfer.id(), 0, NOW, EXTENSION))
                .isEqualTo(new Acknowledgement.AlreadyAcknowledged(acknowledged));
        assertThat(current(transfer).acknowledgedChunks()).isEqualTo(1);
    }

    @Test
    void answersAlreadyAcknowledgedForACompleteTransfer() {
        Transfer complete = complete(aTransfer());

        assertThat(store.acknowledge(complete.id(), 0, NOW.plusSeconds(1), EXTENSION))
                .isEqualTo(new Acknowledgement.AlreadyAcknowledged(complete));
        assertThat(current(complete)).isEqualTo(complete);
    }

    @Test
    void answersNotUploadedForAChunkNotUploadedYet() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);
        Transfer before = current(transfer);

        assertThat(store.acknowledge(transfer.id(), 1, NOW, EXTENSION))
                .isEqualTo(new Acknowledgement.NotUploaded(before));
        assertThat(current(transfer)).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownTransfer() {
        assertThat(store.acknowledge(randomTransferId(), 0, NOW, EXTENSION))
                .isEqualTo(new Acknowledgement.NotLive(Optional.empty()));
    }

    @Test
    void refusesATransferFromTheMomentItExpires() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);
        Transfer uploaded = current(transfer);

        assertThat(store.acknowledge(transfer.id(), 0, uploaded.expiresAt(), EXTENSION))
                .isEqualTo(new Acknowledgement.NotLive(Optional.of(uploaded)));
        assertThat(current(transfer)).isEqualTo(uploaded);
    }

    @Test
    void countsExactlyOneOfManyConcurrentAcknowledgementsOfOneChunk() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);

        List<Acknowledgement> acknowledgements = Race.run(16, i -> store.acknowledge(transfer.id(), 0, NOW, EXTENSION));

        assertThat(acknowledgements).filteredOn(Acknowledgement.Acknowledged.class::isInstance).hasSize(1);
        assertThat(acknowledgements).filteredOn(Acknowledgement.AlreadyAcknowledged.class::isInstance).hasSize(15);
        assertThat(current(transfer).acknowledgedChunks()).isEqualTo(1);
    }

    @Test
    void completesOnceWhenEveryChunkIsAcknowledgedConcurrently() {
        Transfer transfer = create(aTransfer().chunks(24, 16));
        for (int i = 0; i < 24; i++) {
            upload(transfer, i);
        }

        List<Acknowledgement> acknowledgements = Race.run(24, i -> store.acknowledge(transfer.id(), i, NOW, EXTENSION));

        assertThat(acknowledgements).allMatch(Acknowledgement.Acknowledged.class::isInstance);
        assertThat(acknowledgements).map(it -> ((Acknowledgement.Acknowledged) it).transfer())
                .filteredOn(Transfer::isComplete).hasSize(1);
        assertThat(current(transfer)).isEqualTo(
                completed(progressed(transfer, 24, 24 * 16, 24, transfer.expiresAt()), NOW));
    }
}

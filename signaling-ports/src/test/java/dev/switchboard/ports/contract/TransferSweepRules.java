package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.TTL;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore.ChunkRead;
import dev.switchboard.ports.driven.TransferStore.Creation;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.model.TransferState;
import dev.switchboard.ports.testing.Race;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Purging the chunks of transfers that expired unfinished, and forgetting old transfers. */
abstract class TransferSweepRules extends TransferStoreRules {
    private static final Instant SWEEP_AT = NOW.plus(TTL);
    private static final int ROOMY_LIMIT = 1000;

    @Test
    void purgesTheTransfersExpiredUnfinishedAtNowAndReturnsThemMarkedPurged() {
        Transfer expiresAtSweep = create(aTransfer());
        Transfer expiredBefore = create(aTransfer().expiresAt(SWEEP_AT.minusMillis(1)));
        Transfer outlivesSweep = create(aTransfer().expiresAt(SWEEP_AT.plusMillis(1)));
        Transfer complete = complete(aTransfer());

        List<Transfer> purged = store.purgeExpired(SWEEP_AT, ROOMY_LIMIT);

        assertThat(purged).containsExactlyInAnyOrder(purged(expiresAtSweep, SWEEP_AT), purged(expiredBefore, SWEEP_AT));
        assertThat(current(expiresAtSweep)).isEqualTo(purged(expiresAtSweep, SWEEP_AT));
        assertThat(current(expiredBefore).stateAt(SWEEP_AT)).isEqualTo(TransferState.EXPIRED);
        assertThat(current(outlivesSweep)).isEqualTo(outlivesSweep);
        assertThat(current(complete)).isEqualTo(complete);
    }

    @Test
    void returnsAPurgedTransferWithItsProgressAsItWas() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);
        upload(transfer, 1);
        Transfer acknowledged = acknowledge(transfer, 0);

        assertThat(store.purgeExpired(SWEEP_AT, ROOMY_LIMIT)).containsExactly(purged(acknowledged, SWEEP_AT));
    }

    @Test
    void deletesTheChunksOfAPurgedTransferOnly() {
        Transfer expired = create(aTransfer());
        upload(expired, 0);
        upload(expired, 1);
        acknowledge(expired, 0);
        Transfer live = create(aTransfer().expiresAt(SWEEP_AT.plusMillis(1)));
        Chunk kept = upload(live, 0);

        store.purgeExpired(SWEEP_AT, ROOMY_LIMIT);

        assertThat(store.readChunk(expired.id(), 0)).isNotInstanceOf(ChunkRead.Available.class);
        assertThat(store.readChunk(expired.id(), 1)).isNotInstanceOf(ChunkRead.Available.class);
        assertThat(store.nextPendingChunk(expired.id())).isEmpty();
        assertThat(store.readChunk(live.id(), 0)).isEqualTo(new ChunkRead.Available(kept));
    }

    @Test
    void returnsEachTransferFromOnePurgeOnly() {
        create(aTransfer());
        store.purgeExpired(SWEEP_AT, ROOMY_LIMIT);

        assertThat(store.purgeExpired(SWEEP_AT, ROOMY_LIMIT)).isEmpty();
        assertThat(store.purgeExpired(SWEEP_AT.plus(TTL), ROOMY_LIMIT)).isEmpty();
    }

    @Test
    void neverPurgesACompleteTransfer() {
        complete(aTransfer());

        assertThat(store.purgeExpired(SWEEP_AT.plus(TTL), ROOMY_LIMIT)).isEmpty();
    }

    @Test
    void purgesAtMostTheLimitPerRunAndTheRestInLaterRuns() {
        List<TransferId> expired = IntStream.range(0, 5).mapToObj(i -> create(aTransfer()).id()).toList();

        List<Transfer> first = store.purgeExpired(SWEEP_AT, 2);
        List<Transfer> second = store.purgeExpired(SWEEP_AT, 2);
        List<Transfer> third = store.purgeExpired(SWEEP_AT, 2);

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2);
        assertThat(third).hasSize(1);
        assertThat(ids(List.of(first, second, third))).containsExactlyInAnyOrderElementsOf(expired);
    }

    @Test
    void returnsEachTransferOnceAcrossConcurrentPurges() {
        List<TransferId> expired = IntStream.range(0, 40).mapToObj(i -> create(aTransfer()).id()).toList();

        List<List<Transfer>> runs = Race.run(6, i -> store.purgeExpired(SWEEP_AT, 15));

        assertThat(ids(runs)).containsExactlyInAnyOrderElementsOf(expired);
    }

    @Test
    void forgetsTransfersOfEveryStateExpiredAtOrBeforeTheGivenInstantAndCountsThem() {
        Transfer purged = create(aTransfer().expiresAt(SWEEP_AT.minusMillis(1)));
        store.purgeExpired(SWEEP_AT, ROOMY_LIMIT);
        Transfer unpurged = create(aTransfer());
        Transfer complete = complete(aTransfer());
        Transfer kept = create(aTransfer().expiresAt(SWEEP_AT.plusMillis(1)));

        assertThat(store.forget(SWEEP_AT)).isEqualTo(3);

        assertThat(store.find(purged.id())).isEmpty();
        assertThat(store.find(unpurged.id())).isEmpty();
        assertThat(store.find(complete.id())).isEmpty();
        assertThat(store.findByCode(complete.code())).isEmpty();
        assertThat(store.find(kept.id())).contains(kept);
    }

    @Test
    void forgetsTheChunksOfAForgottenTransfer() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0);
        upload(transfer, 1);
        acknowledge(transfer, 1);

        store.forget(SWEEP_AT);

        assertThat(store.readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.NotUploaded());
        assertThat(store.readChunk(transfer.id(), 1)).isEqualTo(new ChunkRead.NotUploaded());
        assertThat(store.nextPendingChunk(transfer.id())).isEmpty();
    }

    @Test
    void freesTheIdAndCodeOfAForgottenTransfer() {
        Transfer forgotten = create(aTransfer());
        store.forget(SWEEP_AT);
        Transfer successor = aTransfer().id(forgotten.id()).code(forgotten.code()).createdAt(SWEEP_AT).build();

        assertThat(store.create(successor, SWEEP_AT, ROOMY)).isEqualTo(new Creation.Created(successor));
        assertThat(store.readChunk(successor.id(), 0)).isEqualTo(new ChunkRead.NotUploaded());
    }

    @Test
    void forgetsEachTransferOnlyOnce() {
        create(aTransfer());
        store.forget(SWEEP_AT);

        assertThat(store.forget(SWEEP_AT)).isZero();
    }

    @Test
    void forgetsNothingThatOutlivesTheGivenInstant() {
        Transfer transfer = create(aTransfer());

        assertThat(store.forget(SWEEP_AT.minusMillis(1))).isZero();
        assertThat(store.find(transfer.id())).contains(transfer);
    }

    private static List<TransferId> ids(List<List<Transfer>> runs) {
        return runs.stream().flatMap(Collection::stream).map(Transfer::id).toList();
    }
}

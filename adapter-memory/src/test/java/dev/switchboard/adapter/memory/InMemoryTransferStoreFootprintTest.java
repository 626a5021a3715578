package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.TTL;
import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryTransferStore.Footprint;
import dev.switchboard.ports.driven.TransferStore.Acknowledgement;
import dev.switchboard.ports.driven.TransferStore.Creation;
import dev.switchboard.ports.driven.TransferStore.Upload;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.testing.TransferFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Nothing of a transfer outlives it in memory: no bytes once acknowledged, no index entry once forgotten. */
class InMemoryTransferStoreFootprintTest {
    private static final Duration EXTENSION = Duration.ofMinutes(5);
    private static final Instant EXPIRY = NOW.plus(TTL);

    private final InMemoryTransferStore store = new InMemoryTransferStore();

    @Test
    void holdsTheBytesOfUploadedChunksOnlyUntilTheyAreAcknowledged() {
        Transfer transfer = create(aTransfer().chunks(3, 1000));
        upload(transfer, 0, 1000);
        upload(transfer, 1, 600);

        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 1, 1, 2, 1600));

        acknowledge(transfer, 0);

        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 1, 1, 2, 600));
    }

    @Test
    void dropsEveryChunkOfAPurgedTransferButKeepsTheTransferUntilItIsForgotten() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 0, 1000);
        upload(transfer, 1, 1000);
        acknowledge(transfer, 1);

        store.purgeExpired(EXPIRY, 100);

        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 1, 1, 0, 0));
    }

    @Test
    void leavesNothingBehindWhenExpiredAndCompleteTransfersArePurgedAndForgotten() {
        String sender = randomKeyId();
        for (int i = 0; i < 5; i++) {
            Transfer expired = create(aTransfer().sentBy(sender).sentFrom("2001:db8::1"));
            upload(expired, 0, 1000);
            upload(expired, 2, 10);
            acknowledge(expired, 2);
        }
        Transfer complete = create(aTransfer().chunks(2, 100));
        upload(complete, 0, 100);
        upload(complete, 1, 100);
        acknowledge(complete, 0);
        acknowledge(complete, 1);

        assertThat(store.purgeExpired(EXPIRY, 100)).hasSize(5);
        assertThat(store.forget(EXPIRY)).isEqualTo(6);

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void leavesNothingBehindWhenAnUnpurgedTransferIsForgotten() {
        Transfer transfer = create(aTransfer());
        upload(transfer, 3, 1024);

        store.forget(EXPIRY);

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void leavesNothingBehindForARefusedTransfer() {
        create(aTransfer());
        Transfer refused = aTransfer().build();

        assertThat(store.create(refused, NOW, 4096)).isInstanceOf(Creation.ServerFull.class);

        assertThat(store.footprint()).isEqualTo(new Footprint(1, 1, 1, 1, 0, 0));
    }

    private Transfer create(TransferFixtures.Builder transfer) {
        Transfer built = transfer.build();
        assertThat(store.create(built, NOW, Long.MAX_VALUE / 2)).isInstanceOf(Creation.Created.class);
        return built;
    }

    private void upload(Transfer transfer, int index, int size) {
        assertThat(store.putChunk(aChunk(transfer, index, size), NOW, EXTENSION)).isInstanceOf(Upload.Stored.class);
    }

    private void acknowledge(Transfer transfer, int index) {
        assertThat(store.acknowledge(transfer.id(), index, NOW, EXTENSION))
                .isInstanceOf(Acknowledgement.Acknowledged.class);
    }
}

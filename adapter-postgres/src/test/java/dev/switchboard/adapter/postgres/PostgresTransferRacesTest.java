package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.TTL;
import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static dev.switchboard.ports.testing.TransferFixtures.chunk;
import static dev.switchboard.ports.testing.TransferFixtures.randomBytes;
import static dev.switchboard.ports.testing.TransferFixtures.randomInviteCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driven.TransferStore.Acknowledgement;
import dev.switchboard.ports.driven.TransferStore.ChunkRead;
import dev.switchboard.ports.driven.TransferStore.Claim;
import dev.switchboard.ports.driven.TransferStore.Creation;
import dev.switchboard.ports.driven.TransferStore.Upload;
import dev.switchboard.ports.model.Chunk;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The races of relay transfers, decided by the database for two instances that share it: every contender
 * runs on its own pooled connection, half of them through each instance. Tests that count every transfer
 * of the server empty the table first.
 */
class PostgresTransferRacesTest extends TwoInstanceRaces {
    private static final Duration EXTENSION = Duration.ofMinutes(5);
    private static final long NO_BUDGET = Long.MAX_VALUE;

    /** The instance the {@code i}-th contender goes through. */
    private TransferStore via(int i) {
        return instance(i).transfers();
    }

    @Nested
    class WhenManyCreateAtOnce {
        @Test
        void neverReserveMoreThanTheServersBudget() {
            TestDatabase.emptyTransfers();
            Instant at = NOW;
            long budget = 25_500;
            List<Transfer> contenders = IntStream.range(0, 60)
                    .mapToObj(i -> aTransfer().createdAt(at).chunks(2, 500).build())
                    .toList();

            List<Creation> creations = Race.run(contenders.size(), i -> via(i).create(contenders.get(i), at, budget));

            assertThat(creations).filteredOn(Creation.Created.class::isInstance).hasSize(25);
            assertThat(creations).filteredOn(Creation.ServerFull.class::isInstance).hasSize(35)
                    .allSatisfy(full -> assertThat(((Creation.ServerFull) full).reservedBytes())
                            .isBetween(25_000L, budget));
            assertThat(first.transfers().reservedBytes(at)).isEqualTo(25_000);
        }

        @Test
        void letExactlyOneHoldAnInviteCode() {
            InviteCode code = randomInviteCode();
            List<Transfer> contenders = IntStream.range(0, 60).mapToObj(i -> aTransfer().code(code).build()).toList();

            List<Creation> creations = Race.run(contenders.size(), i -> via(i).create(contenders.get(i), NOW, NO_BUDGET));

            assertThat(creations).filteredOn(Creation.Created.class::isInstance).hasSize(1);
            assertThat(creations).filteredOn(Creation.CodeTaken.class::isInstance).hasSize(59);
            Transfer winner = ((Creation.Created) creations.stream()
                    .filter(Creation.Created.class::isInstance).findFirst().orElseThrow()).transfer();
            assertThat(second.transfers().findByCode(code)).contains(winner);
        }
    }

    @Nested
    class WhenManyClaimOneTransfer {
        @Test
        void letsExactlyOneReceiverWin() {
            Transfer transfer = create(aTransfer().build());
            List<String> receivers = IntStream.range(0, 60).mapToObj(i -> randomKeyId()).toList();

            List<Claim> claims = Race.run(receivers.size(),
                    i -> via(i).claim(transfer.id(), receivers.get(i), NOW, EXTENSION));

            assertThat(claims).filteredOn(Claim.Claimed.class::isInstance).hasSize(1);
            String winner = receivers.get(indexOf(claims, Claim.Claimed.class));
            assertThat(claims).filteredOn(Claim.AlreadyClaimed.class::isInstance).hasSize(59)
                    .allSatisfy(lost -> assertThat(((Claim.AlreadyClaimed) lost).transfer().receiverKeyId())
                            .contains(winner));
            assertThat(first.transfers().find(transfer.id()).orElseThrow().receiverKeyId()).contains(winner);
        }
    }

    @Nested
    class WhenManyUploadAtOnce {
        @Test
        void storesExactlyOneSetOfBytesPerIndex() {
            Transfer transfer = create(aTransfer().build());
            List<Chunk> contenders = IntStream.range(0, 40).mapToObj(i -> aChunk(transfer, 0)).toList();

            List<Upload> uploads = Race.run(contenders.size(), i -> via(i).putChunk(contenders.get(i), NOW, EXTENSION));

            assertThat(uploads).filteredOn(Upload.Stored.class::isInstance).hasSize(1);
            assertThat(uploads).filteredOn(Upload.Conflict.class::isInstance).hasSize(39);
            Chunk winner = contenders.get(indexOf(uploads, Upload.Stored.class));
            assertThat(second.transfers().readChunk(transfer.id(), 0)).isEqualTo(new ChunkRead.Available(winner));
            assertThat(second.transfers().find(transfer.id())).get()
                    .satisfies(stored -> assertThat(stored.uploadedChunks()).isEqualTo(1))
                    .satisfies(stored -> assertThat(stored.uploadedBytes()).isEqualTo(winner.size()));
        }

        @Test
        void countsTheSameBytesOnceAndTheRestAsDuplicates() {
            Transfer transfer = create(aTransfer().build());
            Chunk chunk = aChunk(transfer, 2);

            List<Upload> uploads = Race.run(40, i -> via(i).putChunk(chunk(transfer, 2, chunk.bytes()), NOW, EXTENSION));

            assertThat(uploads).filteredOn(Upload.Stored.class::isInstance).hasSize(1);
            assertThat(uploads).filteredOn(Upload.Duplicate.class::isInstance).hasSize(39);
            assertThat(first.transfers().find(transfer.id()).orElseThrow().uploadedBytes()).isEqualTo(chunk.size());
        }

        @Test
        void neverTakeATransferPastItsReservedBytes() {
            Transfer transfer = create(aTransfer().chunks(40, 1000).reservedBytes(10_000).build());
            List<Chunk> contenders = IntStream.range(0, 40).mapToObj(i -> chunk(transfer, i, randomBytes(1000))).toList();

            List<Upload> uploads = Race.run(contenders.size(), i -> via(i).putChunk(contenders.get(i), NOW, EXTENSION));

            assertThat(uploads).filteredOn(Upload.Stored.class::isInstance).hasSize(10);
            assertThat(uploads).filteredOn(Upload.OutOfBounds.class::isInstance).hasSize(30);
            Transfer stored = second.transfers().find(transfer.id()).orElseThrow();
            assertThat(stored.uploadedChunks()).isEqualTo(10);
            assertThat(stored.uploadedBytes()).isEqualTo(10_000);
            assertThat(IntStream.range(0, 40).filter(i ->
                    first.transfers().readChunk(transfer.id(), i) instanceof ChunkRead.Available)).hasSize(10);
        }
    }

    @Nested
    class WhenTheReceiverAcknowledgesTwiceAtOnce {
        @Test
        void countsEachChunkOnceAndCompletesOnce() {
            Transfer transfer = create(aTransfer().build());
            IntStream.range(0, transfer.chunkCount()).forEach(i -> first.transfers().putChunk(aChunk(transfer, i), NOW, EXTENSION));
            Instant later = NOW.plusSeconds(30);

            List<Acknowledgement> acknowledgements = Race.run(40,
                    i -> via(i).acknowledge(transfer.id(), i % transfer.chunkCount(), later, EXTENSION));

            assertThat(acknowledgements).filteredOn(Acknowledgement.Acknowledged.class::isInstance).hasSize(4);
            assertThat(acknowledgements).filteredOn(Acknowledgement.AlreadyAcknowledged.class::isInstance).hasSize(36);
            Transfer complete = second.transfers().find(transfer.id()).orElseThrow();
            assertThat(complete.acknowledgedChunks()).isEqualTo(4);
            assertThat(complete.completedAt()).contains(later);
            assertThat(second.transfers().nextPendingChunk(transfer.id())).isEmpty();
        }
    }

    @Nested
    class WhenSeveralInstancesPurgeAtOnce {
        @Test
        void returnEachExpiredTransferOnceAndDeleteItsChunks() {
            TestDatabase.emptyTransfers();
            Instant at = NOW;
            List<Transfer> expiring = IntStream.range(0, 30)
                    .mapToObj(i -> create(aTransfer().createdAt(at).build()))
                    .toList();
            expiring.forEach(transfer -> first.transfers().putChunk(aChunk(transfer, 0), at, EXTENSION));
            Instant later = at.plus(TTL).plus(EXTENSION);

            List<List<Transfer>> runs = Race.run(12, i -> purgeUntilNothingIsLeft(via(i), later));

            List<TransferId> purged = runs.stream().flatMap(List::stream).map(Transfer::id).toList();
            assertThat(purged).containsExactlyInAnyOrderElementsOf(expiring.stream().map(Transfer::id).toList());
            expiring.forEach(transfer -> {
                assertThat(second.transfers().find(transfer.id()).orElseThrow().purgedAt()).contains(later);
                assertThat(second.transfers().readChunk(transfer.id(), 0)).isInstanceOf(ChunkRead.NotUploaded.class);
            });
            assertThat(first.transfers().purgeExpired(later, 1000)).isEmpty();
        }

        private List<Transfer> purgeUntilNothingIsLeft(TransferStore store, Instant now) {
            List<Transfer> purged = new ArrayList<>();
            for (List<Transfer> batch = store.purgeExpired(now, 3); !batch.isEmpty(); batch = store.purgeExpired(now, 3)) {
                purged.addAll(batch);
            }
            return purged;
        }
    }

    private Transfer create(Transfer transfer) {
        assertThat(first.transfers().create(transfer, transfer.createdAt(), NO_BUDGET))
                .isEqualTo(new Creation.Created(transfer));
        return transfer;
    }

    private static int indexOf(List<?> outcomes, Class<?> winner) {
        return IntStream.range(0, outcomes.size()).filter(i -> winner.isInstance(outcomes.get(i))).findFirst().orElseThrow();
    }
}

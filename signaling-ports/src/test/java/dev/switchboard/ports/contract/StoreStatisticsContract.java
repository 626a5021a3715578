package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.answerBy;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.SessionFixtures.aMember;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.SessionFixtures.aSignal;
import static dev.switchboard.ports.testing.TransferFixtures.aChunk;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SessionStore.Delivery;
import dev.switchboard.ports.driven.SessionStore.JoinAttempt;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driven.StoreStatistics;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.Statistics;
import dev.switchboard.ports.model.StoredCredential;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.testing.DeviceFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StoreStatistics} must count, checked through the other stores of the same storage. Each test
 * compares snapshots with the ones taken before it added anything, so records other tests left in a shared
 * database do not matter as long as no other test writes at the same time.
 */
public abstract class StoreStatisticsContract {
    private static final Duration EXTENSION = Duration.ofMinutes(5);
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(1));

    private SignalingStorage storage;
    private StoreStatistics statistics;
    private final Map<Instant, Statistics> baselines = new HashMap<>();

    /** A storage whose statistics count what its own stores hold; it may hold records of other tests. */
    protected abstract SignalingStorage newStorage();

    @BeforeEach
    final void openStorage() {
        storage = newStorage();
        statistics = storage.statistics();
    }

    @Nested
    class Offers {
        @Test
        void countsAnOfferUntilItExpires() {
            Offer offer = anOffer().build();
            baselineAt(NOW, offer.expiresAt().minusMillis(1), offer.expiresAt());

            storage.offers().saveAll(List.of(offer));

            assertThat(grownAt(NOW)).isEqualTo(offers(1));
            assertThat(grownAt(offer.expiresAt().minusMillis(1))).isEqualTo(offers(1));
            assertThat(grownAt(offer.expiresAt())).isEqualTo(none());
        }

        @Test
        void countsAnAnsweredOfferWhileItIsRetained() {
            Offer offer = anOffer().build();
            baselineAt(NOW, LATER);
            storage.offers().saveAll(List.of(offer));

            assertThat(storage.offers().attachAnswerIfNone(offer.id(), answerBy(randomKeyId()), NOW, LATER))
                    .isInstanceOf(OfferStore.AnswerAttempt.Won.class);

            assertThat(grownAt(NOW)).isEqualTo(offers(1));
            assertThat(grownAt(LATER)).isEqualTo(none());
        }

        @Test
        void stopsCountingADeletedOffer() {
            Offer kept = anOffer().build();
            Offer deleted = anOffer().build();
            baselineAt(NOW);
            storage.offers().saveAll(List.of(kept, deleted));

            storage.offers().delete(deleted.id());

            assertThat(grownAt(NOW)).isEqualTo(offers(1));
        }
    }

    @Nested
    class Sessions {
        @Test
        void countsAnOpenSessionUntilItExpires() {
            PairingSession session = aSession().build();
            baselineAt(NOW, session.expiresAt());

            assertThat(storage.sessions().createIfCodeFree(session, NOW)).isTrue();

            assertThat(grownAt(NOW)).isEqualTo(sessions(1));
            assertThat(grownAt(session.expiresAt())).isEqualTo(none());
        }

        @Test
        void stopsCountingAClosedSession() {
            PairingSession session = aSession().build();
            baselineAt(NOW);
            storage.sessions().createIfCodeFree(session, NOW);

            storage.sessions().close(session.id(), NOW, LATER);

            assertThat(grownAt(NOW).openSessions()).isZero();
        }

        @Test
        void countsEveryQueuedMessageUntilItIsAcknowledged() {
            PairingSession session = aSession().build();
            Member host = session.members().get(0);
            Member guest = aMember(randomKeyId());
            baselineAt(NOW);
            SessionStore sessions = storage.sessions();
            sessions.createIfCodeFree(session, NOW);
            assertThat(sessions.addMemberIfRoom(session.id(), guest, NOW, EXTENSION))
                    .isInstanceOf(JoinAttempt.Joined.class);
            List<SessionMessage> signals = List.of(
                    aSignal(session.id(), host, guest), aSignal(session.id(), host, guest),
                    aSignal(session.id(), host, guest));
            Delivery delivery = sessions.deliver(session.id(), signals, NOW, EXTENSION, 100);
            assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
            long news = sessions.messagesFor(host.keyId(), 0, 100).size();

            assertThat(grownAt(NOW)).isEqualTo(plus(sessions(1), messages(news + 3)));

            List<SessionMessage> delivered = ((Delivery.Delivered) delivery).messages();
            sessions.acknowledge(guest.keyId(), delivered.get(1).sequence());

            assertThat(grownAt(NOW)).isEqualTo(plus(sessions(1), messages(news + 1)));
        }
    }

    @Nested
    class Transfers {
        @Test
        void countsALiveTransferAndTheBytesItReserves() {
            Transfer transfer = aTransfer().chunks(4, 1024).build();
            baselineAt(NOW, transfer.expiresAt());

            create(transfer);

            assertThat(grownAt(NOW)).isEqualTo(transfers(1, 4096, 0));
            assertThat(grownAt(transfer.expiresAt())).isEqualTo(none());
        }

        @Test
        void countsChunkBytesFromUploadUntilAcknowledgement() {
            Transfer transfer = aTransfer().chunks(4, 1024).build();
            baselineAt(NOW);
            create(transfer);
            TransferStore transfers = storage.transfers();

            transfers.putChunk(aChunk(transfer, 0, 1024), NOW, EXTENSION);
            transfers.putChunk(aChunk(transfer, 1, 500), NOW, EXTENSION);

            assertThat(grownAt(NOW)).isEqualTo(transfers(1, 4096, 1524));

            transfers.acknowledge(transfer.id(), 0, NOW, EXTENSION);

            assertThat(grownAt(NOW)).isEqualTo(transfers(1, 4096, 500));
        }

        @Test
        void stopsCountingACompleteTransfer() {
            Transfer transfer = aTransfer().chunks(2, 100).build();
            baselineAt(NOW);
            create(transfer);
            TransferStore transfers = storage.transfers();
            transfers.putChunk(aChunk(transfer, 0, 100), NOW, EXTENSION);
            transfers.putChunk(aChunk(transfer, 1, 100), NOW, EXTENSION);

            transfers.acknowledge(transfer.id(), 0, NOW, EXTENSION);
            transfers.acknowledge(transfer.id(), 1, NOW, EXTENSION);

            assertThat(storage.transfers().find(transfer.id()).orElseThrow().completedAt()).isPresent();
            assertThat(grownAt(NOW)).isEqualTo(none());
        }

        @Test
        void countsTheChunkBytesOfAnExpiredTransferUntilTheyArePurged() {
            Transfer transfer = aTransfer().chunks(4, 1024).build();
            Instant expiry = transfer.expiresAt(); // an upload at NOW extends it no further: its TTL is longer
            baselineAt(expiry);
            create(transfer);
            storage.transfers().putChunk(aChunk(transfer, 0, 700), NOW, EXTENSION);

            assertThat(grownAt(expiry)).isEqualTo(transfers(0, 0, 700));

            storage.transfers().purgeExpired(expiry, Integer.MAX_VALUE);

            assertThat(grownAt(expiry)).isEqualTo(none());
        }

        private void create(Transfer transfer) {
            assertThat(storage.transfers().create(transfer, NOW, Long.MAX_VALUE / 2))
                    .isEqualTo(new TransferStore.Creation.Created(transfer));
        }
    }

    @Nested
    class Devices {
        @Test
        void countsARegisteredDeviceUntilItExpires() {
            Device device = DeviceFixtures.aDevice().build();
            baselineAt(NOW, device.expiresAt());

            assertThat(storage.devices().insert(device, NOW)).isTrue();

            assertThat(grownAt(NOW)).isEqualTo(devices(1));
            assertThat(grownAt(device.expiresAt())).isEqualTo(none());
        }

        @Test
        void stopsCountingARemovedDevice() {
            Device device = DeviceFixtures.aDevice().build();
            baselineAt(NOW);
            storage.devices().insert(device, NOW);

            storage.devices().delete(device.id(), device.version());

            assertThat(grownAt(NOW)).isEqualTo(none());
        }
    }

    @Nested
    class Credentials {
        @Test
        void countsACredentialUntilItsLifetimeEnds() {
            Instant expiry = NOW.plus(Duration.ofDays(1));
            baselineAt(NOW, expiry.minusMillis(1), expiry);

            storage.credentials().save(credential(Optional.of(expiry)));

            assertThat(grownAt(NOW)).isEqualTo(credentials(1));
            assertThat(grownAt(expiry.minusMillis(1))).isEqualTo(credentials(1));
            assertThat(grownAt(expiry)).isEqualTo(none());
        }

        @Test
        void alwaysCountsACredentialWithoutALifetime() {
            Instant farFuture = NOW.plus(Duration.ofDays(36_500));
            baselineAt(NOW, farFuture);

            storage.credentials().save(credential(Optional.empty()));

            assertThat(grownAt(NOW)).isEqualTo(credentials(1));
            assertThat(grownAt(farFuture)).isEqualTo(credentials(1));
        }

        @Test
        void stopsCountingDeletedCredentials() {
            baselineAt(LATER);
            storage.credentials().save(credential(Optional.of(NOW)));
            storage.credentials().save(credential(Optional.of(LATER.plusSeconds(1))));

            storage.credentials().deleteExpired(NOW);

            assertThat(grownAt(LATER)).isEqualTo(credentials(1));
        }

        private StoredCredential credential(Optional<Instant> expiresAt) {
            byte[] iv = new byte[12];
            byte[] ciphertext = new byte[48];
            ThreadLocalRandom.current().nextBytes(iv);
            ThreadLocalRandom.current().nextBytes(ciphertext);
            return new StoredCredential(
                    randomKeyId(), new SealedSecret("mk-0123456789ab", iv, ciphertext), NOW, expiresAt);
        }
    }

    @Test
    void countsEveryKindOfRecordInOneSnapshot() {
        Transfer transfer = aTransfer().chunks(2, 64).build();
        baselineAt(NOW);

        storage.offers().saveAll(List.of(anOffer().build(), anOffer().build()));
        storage.sessions().createIfCodeFree(aSession().build(), NOW);
        storage.transfers().create(transfer, NOW, Long.MAX_VALUE / 2);
        storage.transfers().putChunk(aChunk(transfer, 0, 10), NOW, EXTENSION);
        storage.devices().insert(DeviceFixtures.aDevice().build(), NOW);

        assertThat(grownAt(NOW)).isEqualTo(new Statistics(2, 1, 0, 1, 128, 10, 1, 0));
    }

    /** Takes the snapshots each later {@link #grownAt} compares with; before the test adds anything. */
    private void baselineAt(Instant... instants) {
        for (Instant instant : instants) {
            baselines.put(instant, statistics.snapshot(instant));
        }
    }

    /** How each count at {@code instant} differs from the baseline at that instant. */
    private Statistics grownAt(Instant instant) {
        Statistics baseline = baselines.get(instant);
        assertThat(baseline).as("a baseline at %s", instant).isNotNull();
        Statistics now = statistics.snapshot(instant);
        return new Statistics(now.liveOffers() - baseline.liveOffers(), now.openSessions() - baseline.openSessions(),
                now.queuedMessages() - baseline.queuedMessages(), now.liveTransfers() - baseline.liveTransfers(),
                now.reservedTransferBytes() - baseline.reservedTransferBytes(),
                now.storedChunkBytes() - baseline.storedChunkBytes(), now.devices() - baseline.devices(),
                now.credentials() - baseline.credentials());
    }

    private static Statistics none() {
        return new Statistics(0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Statistics offers(long live) {
        return new Statistics(live, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Statistics sessions(long open) {
        return new Statistics(0, open, 0, 0, 0, 0, 0, 0);
    }

    private static Statistics messages(long queued) {
        return new Statistics(0, 0, queued, 0, 0, 0, 0, 0);
    }

    private static Statistics transfers(long live, long reservedBytes, long chunkBytes) {
        return new Statistics(0, 0, 0, live, reservedBytes, chunkBytes, 0, 0);
    }

    private static Statistics devices(long registered) {
        return new Statistics(0, 0, 0, 0, 0, 0, registered, 0);
    }

    private static Statistics credentials(long issued) {
        return new Statistics(0, 0, 0, 0, 0, 0, 0, issued);
    }

    private static Statistics plus(Statistics a, Statistics b) {
        return new Statistics(a.liveOffers() + b.liveOffers(), a.openSessions() + b.openSessions(),
                a.queuedMessages() + b.queuedMessages(), a.liveTransfers() + b.liveTransfers(),
                a.reservedTransferBytes() + b.reservedTransferBytes(), a.storedChunkBytes() + b.storedChunkBytes(),
                a.devices() + b.devices(), a.credentials() + b.credentials());
    }
}

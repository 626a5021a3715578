package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.AuditFixtures.anEvent;
import static dev.switchboard.ports.testing.DeviceFixtures.aDevice;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.PeerFixtures.aConnection;
import static dev.switchboard.ports.testing.PeerFixtures.aMessage;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static dev.switchboard.ports.testing.SessionFixtures.NOW;
import static dev.switchboard.ports.testing.SessionFixtures.aSession;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.Statistics;
import dev.switchboard.ports.model.StoreHealth;
import dev.switchboard.ports.model.Transfer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public entry: health, and one set of stores per instance. */
class InMemoryStorageTest {
    private final InMemoryStorage storage = new InMemoryStorage();

    @Test
    void reportsItselfAsAnAvailableMemoryStore() {
        assertThat(storage.health()).isEqualTo(new StoreHealth("memory", true));
    }

    @Test
    void servesTheSameStoresForItsWholeLife() {
        assertThat(storage.credentials()).isSameAs(storage.credentials());
        assertThat(storage.nonces()).isSameAs(storage.nonces());
        assertThat(storage.offers()).isSameAs(storage.offers());
        assertThat(storage.events()).isSameAs(storage.events());
        assertThat(storage.sessions()).isSameAs(storage.sessions());
        assertThat(storage.counters()).isSameAs(storage.counters());
        assertThat(storage.transfers()).isSameAs(storage.transfers());
        assertThat(storage.devices()).isSameAs(storage.devices());
        assertThat(storage.auditLog()).isSameAs(storage.auditLog());
        assertThat(storage.rateLimits()).isSameAs(storage.rateLimits());
        assertThat(storage.statistics()).isSameAs(storage.statistics());
        assertThat(storage.peers()).isSameAs(storage.peers());
    }

    @Test
    void sharesNothingWithAnotherInstance() {
        Offer offer = anOffer().build();
        storage.offers().saveAll(List.of(offer));

        assertThat(storage.offers().find(offer.id())).contains(offer);
        assertThat(new InMemoryStorage().offers().find(offer.id())).isEmpty();
    }

    @Test
    void keepsItsSessionsAndCountersToItself() {
        PairingSession session = aSession().build();
        storage.sessions().createIfCodeFree(session, NOW);
        storage.counters().incrementAndGet("failures", NOW.plusSeconds(60));

        InMemoryStorage other = new InMemoryStorage();
        assertThat(other.sessions().find(session.id())).isEmpty();
        assertThat(other.counters().get("failures", NOW)).isZero();
    }

    @Test
    void keepsItsRateLimitBucketsToItself() {
        storage.rateLimits().take("api", Duration.ofSeconds(1), 1, NOW);

        assertThat(storage.rateLimits().take("api", Duration.ofSeconds(1), 1, NOW).allowed()).isFalse();
        assertThat(new InMemoryStorage().rateLimits().take("api", Duration.ofSeconds(1), 1, NOW).allowed()).isTrue();
    }

    @Test
    void countsOnlyWhatItsOwnStoresHold() {
        storage.offers().saveAll(List.of(anOffer().build()));

        assertThat(storage.statistics().snapshot(NOW).liveOffers()).isEqualTo(1);
        assertThat(new InMemoryStorage().statistics().snapshot(NOW))
                .isEqualTo(new Statistics(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void keepsItsTransfersDevicesAndAuditLogToItself() {
        Transfer transfer = aTransfer().build();
        Device device = aDevice().build();
        storage.transfers().create(transfer, NOW, Long.MAX_VALUE / 2);
        storage.devices().insert(device, NOW);
        storage.auditLog().append(
                anEvent(AuditEventType.TRANSFER_CREATED).build(), (sequence, event, previous) -> "a".repeat(64));

        assertThat(storage.transfers().find(transfer.id())).contains(transfer);
        assertThat(storage.devices().find(device.id())).contains(device);
        assertThat(storage.auditLog().readAfter(0, 10)).hasSize(1);
        InMemoryStorage other = new InMemoryStorage();
        assertThat(other.transfers().find(transfer.id())).isEmpty();
        assertThat(other.devices().find(device.id())).isEmpty();
        assertThat(other.auditLog().readAfter(0, 10)).isEmpty();
    }

    @Test
    void keepsItsPeersAndTheirQueuesToItself() {
        PeerAddress peer = randomAddress();
        PeerConnection connection = aConnection(peer);
        storage.peers().claim(connection, NOW, Integer.MAX_VALUE);
        storage.peers().enqueue(aMessage(peer), 10, 10);

        assertThat(storage.peers().holder(peer)).contains(connection);
        assertThat(storage.peers().queued(peer, 0, 10)).hasSize(1);
        InMemoryStorage other = new InMemoryStorage();
        assertThat(other.peers().holder(peer)).isEmpty();
        assertThat(other.peers().queued(peer, 0, 10)).isEmpty();
    }
}

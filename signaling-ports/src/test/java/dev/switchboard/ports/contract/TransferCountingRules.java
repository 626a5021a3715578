package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static dev.switchboard.ports.testing.TransferFixtures.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Counting live transfers per sender and per address, and the bytes they reserve on the server. */
abstract class TransferCountingRules extends TransferStoreRules {
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(1));

    private final String sender = randomKeyId();
    private final String address = randomAddress();

    @Test
    void countsTheTransfersLiveAtNowOfOneSender() {
        create(aTransfer().sentBy(sender));
        create(aTransfer().sentBy(sender).expiresAt(LATER.plusMillis(1)));
        create(aTransfer().sentBy(sender).expiresAt(LATER));
        complete(aTransfer().sentBy(sender));
        create(aTransfer());

        assertThat(store.countLiveBySender(sender, LATER)).isEqualTo(2);
        assertThat(store.countLiveBySender(sender, NOW)).isEqualTo(3);
        assertThat(store.countLiveBySender(randomKeyId(), NOW)).isZero();
    }

    @Test
    void countsTheTransfersLiveAtNowFromOneAddress() {
        create(aTransfer().sentFrom(address));
        create(aTransfer().sentFrom(address).sentBy(sender).expiresAt(LATER.plusMillis(1)));
        create(aTransfer().sentFrom(address).expiresAt(LATER));
        complete(aTransfer().sentFrom(address));
        create(aTransfer().sentBy(sender));

        assertThat(store.countLiveByAddress(address, LATER)).isEqualTo(2);
        assertThat(store.countLiveByAddress(address, NOW)).isEqualTo(3);
        assertThat(store.countLiveByAddress(randomAddress(), NOW)).isZero();
    }

    @Test
    void reservesNothingWhenEmpty() {
        assertThat(store.reservedBytes(NOW)).isZero();
    }

    @Test
    void sumsTheBytesReservedByTransfersLiveAtNowOnly() {
        create(aTransfer().chunks(4, 1000));
        create(aTransfer().chunks(3, 1000).reservedBytes(2001));
        create(aTransfer().chunks(2, 1000).expiresAt(LATER));
        complete(aTransfer());

        assertThat(store.reservedBytes(LATER)).isEqualTo(6001);
        assertThat(store.reservedBytes(NOW)).isEqualTo(8001);
    }

    @Test
    void keepsReservingTheBytesOfAChunkAlreadyAcknowledgedUntilTheTransferEnds() {
        var transfer = create(aTransfer().chunks(2, 1000));
        upload(transfer, 0);
        acknowledge(transfer, 0);

        assertThat(store.reservedBytes(NOW)).isEqualTo(2000);
    }
}

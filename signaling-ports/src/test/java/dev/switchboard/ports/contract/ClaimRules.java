package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.TransferFixtures.LIFETIME;
import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.TTL;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static dev.switchboard.ports.testing.TransferFixtures.randomTransferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore.Claim;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Claiming a transfer: one receiver, the same one again, and nothing for a transfer that is not live. */
abstract class ClaimRules extends TransferStoreRules {
    private final String receiver = randomKeyId();

    @Test
    void makesTheFirstKeyTheReceiverAndExtendsTheExpiry() {
        Transfer transfer = create(aTransfer());
        Instant at = NOW.plus(TTL).minus(Duration.ofMinutes(1));

        Claim claim = store.claim(transfer.id(), receiver, at, EXTENSION);

        Transfer expected = claimed(transfer, receiver, at.plus(EXTENSION));
        assertThat(claim).isEqualTo(new Claim.Claimed(expected));
        assertThat(current(transfer)).isEqualTo(expected);
    }

    @Test
    void keepsALaterExpiryThanTheExtensionWouldGive() {
        Transfer transfer = create(aTransfer());

        Claim claim = store.claim(transfer.id(), receiver, NOW, EXTENSION);

        assertThat(claim).isEqualTo(new Claim.Claimed(claimed(transfer, receiver, NOW.plus(TTL))));
    }

    @Test
    void neverExtendsTheExpiryPastTheHardExpiry() {
        Instant hardExpiry = NOW.plus(LIFETIME);
        Transfer transfer = create(aTransfer().expiresAt(hardExpiry.minusSeconds(30)).hardExpiresAt(hardExpiry));
        Instant at = hardExpiry.minus(Duration.ofMinutes(2));

        Claim claim = store.claim(transfer.id(), receiver, at, EXTENSION);

        assertThat(claim).isEqualTo(new Claim.Claimed(claimed(transfer, receiver, hardExpiry)));
        assertThat(current(transfer).expiresAt()).isEqualTo(hardExpiry);
    }

    @Test
    void answersClaimedAgainForTheReceiverItselfAndChangesOnlyTheExpiry() {
        Transfer transfer = create(aTransfer());
        store.claim(transfer.id(), receiver, NOW, EXTENSION);
        Instant later = NOW.plus(Duration.ofMinutes(8));

        Claim again = store.claim(transfer.id(), receiver, later, EXTENSION);

        Transfer expected = claimed(transfer, receiver, later.plus(EXTENSION));
        assertThat(again).isEqualTo(new Claim.Claimed(expected));
        assertThat(current(transfer)).isEqualTo(expected);
    }

    @Test
    void refusesAnotherKeyAndChangesNothing() {
        Transfer transfer = create(aTransfer());
        store.claim(transfer.id(), receiver, NOW, EXTENSION);
        Transfer claimed = current(transfer);

        Claim other = store.claim(transfer.id(), randomKeyId(), NOW.plus(Duration.ofMinutes(8)), EXTENSION);

        assertThat(other).isEqualTo(new Claim.AlreadyClaimed(claimed));
        assertThat(current(transfer)).isEqualTo(claimed);
    }

    @Test
    void refusesAnUnknownTransfer() {
        assertThat(store.claim(randomTransferId(), receiver, NOW, EXTENSION))
                .isEqualTo(new Claim.NotLive(Optional.empty()));
    }

    @Test
    void refusesATransferFromTheMomentItExpiresAndChangesNothing() {
        Transfer transfer = create(aTransfer());
        Instant expiry = transfer.expiresAt();

        assertThat(store.claim(transfer.id(), receiver, expiry, EXTENSION))
                .isEqualTo(new Claim.NotLive(Optional.of(transfer)));
        assertThat(current(transfer)).isEqualTo(transfer);
        assertThat(store.claim(transfer.id(), receiver, expiry.minusMillis(1), EXTENSION))
                .isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void refusesACompleteTransfer() {
        Transfer complete = complete(aTransfer());

        assertThat(store.claim(complete.id(), complete.receiverKeyId().orElseThrow(), NOW, EXTENSION))
                .isEqualTo(new Claim.NotLive(Optional.of(complete)));
        assertThat(store.claim(complete.id(), receiver, NOW, EXTENSION))
                .isEqualTo(new Claim.NotLive(Optional.of(complete)));
    }

    @Test
    void letsExactlyOneOfManyConcurrentKeysClaim() {
        Transfer transfer = create(aTransfer());

        List<Claim> claims = Race.run(32, i -> store.claim(transfer.id(), randomKeyId(), NOW, EXTENSION));

        List<Claim> won = claims.stream().filter(Claim.Claimed.class::isInstance).toList();
        assertThat(won).hasSize(1);
        Transfer winner = ((Claim.Claimed) won.get(0)).transfer();
        assertThat(claims).filteredOn(Claim.AlreadyClaimed.class::isInstance).hasSize(31)
                .allSatisfy(claim -> assertThat(((Claim.AlreadyClaimed) claim).transfer()).isEqualTo(winner));
        assertThat(current(transfer)).isEqualTo(winner);
    }
}

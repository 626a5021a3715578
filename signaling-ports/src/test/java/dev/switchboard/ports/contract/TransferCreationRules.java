package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.TransferFixtures.NOW;
import static dev.switchboard.ports.testing.TransferFixtures.aTransfer;
import static dev.switchboard.ports.testing.TransferFixtures.randomInviteCode;
import static dev.switchboard.ports.testing.TransferFixtures.randomTransferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.TransferStore.Creation;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Creating transfers, finding them by id and code, who holds a code, and the server's byte budget. */
abstract class TransferCreationRules extends TransferStoreRules {
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(1));

    private final InviteCode code = randomInviteCode();

    @Test
    void findsANewTransferAsItWasCreatedByIdAndByCode() {
        Transfer transfer = create(
                aTransfer().code(code).chunks(7, 3000).reservedBytes(20_000).verifierDigest("ab".repeat(32)));

        assertThat(store.find(transfer.id())).contains(transfer);
        assertThat(store.findByCode(code)).contains(transfer);
    }

    @Test
    void findsNothingForAnUnknownIdOrCode() {
        create(aTransfer());

        assertThat(store.find(randomTransferId())).isEmpty();
        assertThat(store.findByCode(randomInviteCode())).isEmpty();
    }

    @Test
    void refusesANewTransferWhoseCodeALiveTransferHolds() {
        Transfer holder = create(aTransfer().code(code));
        Transfer contender = aTransfer().code(code).build();

        assertThat(store.create(contender, NOW, ROOMY)).isEqualTo(new Creation.CodeTaken());

        assertThat(store.find(contender.id())).isEmpty();
        assertThat(store.findByCode(code)).contains(holder);
    }

    @Test
    void keepsTheCodeOfAnExpiredTransferTakenUntilItIsForgotten() {
        Transfer expired = create(aTransfer().code(code).expiresAt(LATER));
        Transfer contender = aTransfer().code(code).createdAt(LATER).build();

        assertThat(store.create(contender, LATER, ROOMY)).isEqualTo(new Creation.CodeTaken());
        assertThat(store.findByCode(code)).contains(expired);

        store.forget(LATER);

        assertThat(store.findByCode(code)).isEmpty();
        assertThat(store.create(contender, LATER, ROOMY)).isEqualTo(new Creation.Created(contender));
        assertThat(store.findByCode(code)).contains(contender);
    }

    @Test
    void keepsTheCodeOfACompleteTransferTakenUntilItIsForgotten() {
        Transfer complete = complete(aTransfer().code(code));
        Transfer contender = aTransfer().code(code).build();

        assertThat(store.create(contender, NOW, ROOMY)).isEqualTo(new Creation.CodeTaken());
        assertThat(store.findByCode(code)).contains(complete);

        store.forget(complete.expiresAt());

        assertThat(store.create(contender, NOW, ROOMY)).isEqualTo(new Creation.Created(contender));
    }

    @Test
    void findsExpiredAndCompleteTransfersUntilTheyAreForgotten() {
        Transfer expired = create(aTransfer().expiresAt(LATER));
        Transfer complete = complete(aTransfer());

        assertThat(store.find(expired.id())).contains(expired);
        assertThat(store.find(complete.id())).contains(complete);
        assertThat(store.findByCode(complete.code())).contains(complete);
    }

    @Test
    void acceptsTransfersUpToExactlyTheServerBudget() {
        Transfer first = aTransfer().chunks(4, 1000).build();
        Transfer second = aTransfer().chunks(2, 500).build();

        assertThat(store.create(first, NOW, 5000)).isEqualTo(new Creation.Created(first));
        assertThat(store.create(second, NOW, 5000)).isEqualTo(new Creation.Created(second));
        assertThat(store.reservedBytes(NOW)).isEqualTo(5000);
    }

    @Test
    void refusesATransferThatWouldTakeTheServerPastItsBudgetAndSaysWhatIsReserved() {
        create(aTransfer().chunks(4, 1000));
        Transfer tooMuch = aTransfer().chunks(2, 500).build();

        assertThat(store.create(tooMuch, NOW, 4999)).isEqualTo(new Creation.ServerFull(4000));

        assertThat(store.find(tooMuch.id())).isEmpty();
        assertThat(store.findByCode(tooMuch.code())).isEmpty();
        assertThat(store.reservedBytes(NOW)).isEqualTo(4000);
    }

    @Test
    void countsOnlyTransfersLiveAtNowAgainstTheBudget() {
        create(aTransfer().chunks(4, 1000).expiresAt(LATER));
        complete(aTransfer());
        create(aTransfer().chunks(2, 1000));
        Transfer fits = aTransfer().chunks(3, 1000).createdAt(LATER).build();
        Transfer doesNotFit = aTransfer().chunks(3, 1000).createdAt(LATER).build();

        assertThat(store.create(doesNotFit, LATER, 4999)).isEqualTo(new Creation.ServerFull(2000));
        assertThat(store.create(fits, LATER, 5000)).isEqualTo(new Creation.Created(fits));
    }

    @Test
    void neverExceedsTheServerBudgetUnderConcurrentCreates() {
        List<Creation> creations = Race.run(50, i -> store.create(aTransfer().chunks(4, 1000).build(), NOW, 10 * 4000));

        assertThat(creations).filteredOn(Creation.Created.class::isInstance).hasSize(10);
        assertThat(creations).filteredOn(Creation.ServerFull.class::isInstance).hasSize(40);
        assertThat(store.reservedBytes(NOW)).isEqualTo(10 * 4000);
    }

    @Test
    void storesExactlyOneOfManyConcurrentTransfersWithOneCode() {
        List<Transfer> contenders = IntStream.range(0, 20).mapToObj(i -> aTransfer().code(code).build()).toList();

        List<Creation> creations = Race.run(contenders.size(), i -> store.create(contenders.get(i), NOW, ROOMY));

        assertThat(creations).filteredOn(Creation.Created.class::isInstance).hasSize(1);
        assertThat(creations).filteredOn(Creation.CodeTaken.class::isInstance).hasSize(19);
        Transfer winner = ((Creation.Created) creations.stream().filter(Creation.Created.class::isInstance)
                .findFirst().orElseThrow()).transfer();
        assertThat(store.findByCode(code)).contains(winner);
        assertThat(contenders).filteredOn(transfer -> store.find(transfer.id()).isPresent()).containsExactly(winner);
    }
}

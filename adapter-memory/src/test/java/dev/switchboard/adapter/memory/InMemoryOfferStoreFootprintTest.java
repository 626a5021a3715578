package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.answerBy;
import static dev.switchboard.ports.testing.OfferFixtures.iceCandidates;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.adapter.memory.InMemoryOfferStore.Footprint;
import dev.switchboard.ports.driven.OfferStore.AnswerAttempt;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.testing.OfferFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing of an offer outlives it in memory: no discovery entry, no inbox entry, no empty inbox. */
class InMemoryOfferStoreFootprintTest {
    private static final Instant RETAIN_UNTIL = NOW.plus(Duration.ofMinutes(10));

    private final InMemoryOfferStore store = new InMemoryOfferStore();
    private final String owner = randomKeyId();
    private final String answerer = randomKeyId();

    @Test
    void holdsOneInboxPerRecipientWithEachOfItsEvents() {
        busyOffer();

        // The owner: the answer and two answerer candidates; the answerer: three owner candidates.
        assertThat(store.footprint()).isEqualTo(new Footprint(1, 0, 2, 6));
    }

    @Test
    void leavesNothingBehindWhenAnOfferIsDeleted() {
        Offer offer = busyOffer();

        store.delete(offer.id());

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void leavesNothingBehindWhenExpiredOffersAreSwept() {
        busyOffer();
        busyOffer();
        save(anOffer());

        store.deleteExpired(RETAIN_UNTIL);

        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    @Test
    void keepsAnInboxOnlyWhileItHoldsEvents() {
        Offer first = busyOffer();
        Offer second = busyOffer();

        store.delete(first.id());
        assertThat(store.footprint().inboxes()).isEqualTo(2);
        store.delete(second.id());
        assertThat(store.footprint().inboxes()).isZero();
    }

    @Test
    void dropsAnOfferFromDiscoveryOnceItIsAnswered() {
        Offer offer = save(anOffer());
        assertThat(store.footprint().discoverable()).isEqualTo(1);

        store.attachAnswerIfNone(offer.id(), answerBy(answerer), NOW, RETAIN_UNTIL);

        assertThat(store.footprint().discoverable()).isZero();
    }

    @Test
    void refusesANewOfferThatAlreadyCarriesAnAnswer() {
        Offer answered = anOffer().build().withAnswer(answerBy(answerer), RETAIN_UNTIL);

        assertThatThrownBy(() -> store.saveAll(List.of(answered))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.footprint()).isEqualTo(Footprint.EMPTY);
    }

    /** An answered offer with candidates from both sides, before and after the answer. */
    private Offer busyOffer() {
        Offer offer = save(anOffer().ownedBy(owner));
        store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(2), NOW, 50);
        AnswerAttempt attempt = store.attachAnswerIfNone(offer.id(), answerBy(answerer), NOW, RETAIN_UNTIL);
        assertThat(attempt).isInstanceOf(AnswerAttempt.Won.class);
        store.appendCandidates(offer.id(), Role.ANSWERER, iceCandidates(2), NOW, 50);
        store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(1), NOW, 50);
        return offer;
    }

    private Offer save(OfferFixtures.Builder builder) {
        Offer offer = builder.build();
        store.saveAll(List.of(offer));
        return offer;
    }
}

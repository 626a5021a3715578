package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.TTL;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.OfferFixtures.randomOfferId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.Tags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saving offers all or none, finding them, and replacing their tags. */
abstract class SavingRules extends OfferStoreRules {

    @Test
    void findsEverySavedOfferAsItWasSaved() {
        List<Offer> offers = List.of(
                anOffer().tags("video", "eu").build(), anOffer().build(), anOffer().tags("audio").build());

        store.saveAll(offers);

        offers.forEach(offer -> assertThat(store.find(offer.id())).contains(offer));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(store.find(randomOfferId())).isEmpty();
    }

    @Test
    void keepsFindingAnOfferAfterItExpired() {
        Offer expired = save(anOffer().createdAt(NOW.minus(TTL.multipliedBy(2))).expiresAt(NOW.minus(TTL)));

        assertThat(store.find(expired.id())).contains(expired);
    }

    @Test
    void savesNoneOfABatchWhenOneOfItsIdsIsTaken() {
        Offer existing = save(anOffer());
        Offer fresh = anOffer().build();
        Offer clash = anOffer().id(existing.id()).ownedBy(randomKeyId()).build();

        assertThatThrownBy(() -> store.saveAll(List.of(fresh, clash))).isInstanceOf(RuntimeException.class);

        assertThat(store.find(fresh.id())).isEmpty();
        assertThat(store.find(existing.id())).contains(existing);
    }

    @Test
    void replacesTheTagsOfAnOfferAndKeepsTheRest() {
        Offer offer = save(anOffer().tags("old", "stale"));

        assertThat(store.replaceTags(offer.id(), Tags.of("new"))).contains(offer.withTags(Tags.of("new")));
        assertThat(store.find(offer.id())).contains(offer.withTags(Tags.of("new")));
    }

    @Test
    void replacesTheTagsOfAnAnsweredOfferAndKeepsItsAnswer() {
        Offer answered = answer(save(anOffer().tags("old")), randomKeyId());

        store.replaceTags(answered.id(), Tags.none());

        assertThat(store.find(answered.id())).contains(answered.withTags(Tags.none()));
    }

    @Test
    void replacesNoTagsOfAnUnknownOffer() {
        assertThat(store.replaceTags(randomOfferId(), Tags.of("new"))).isEmpty();
    }
}

package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.TTL;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.iceCandidates;
import static dev.switchboard.ports.testing.OfferFixtures.randomOfferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.OfferStore.CandidateAppend;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.testing.Race;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Appending candidates in order, all or none, within the per-side limit, and reading them back by side. */
abstract class CandidateRules extends OfferStoreRules {

    @Test
    void appendsCandidatesInTheOrderGivenWithIncreasingSequences() {
        Offer offer = save(anOffer());
        List<IceCandidate> sent = iceCandidates(3);

        CandidateAppend append = store.appendCandidates(offer.id(), Role.OFFERER, sent, NOW, ROOMY);

        assertThat(append).isInstanceOfSatisfying(CandidateAppend.Appended.class, appended -> {
            assertThat(appended.candidates()).extracting(Candidate::candidate).containsExactlyElementsOf(sent);
            assertThat(appended.candidates()).extracting(Candidate::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(appended.candidates()).allSatisfy(candidate -> {
                assertThat(candidate.offerId()).isEqualTo(offer.id());
                assertThat(candidate.from()).isEqualTo(Role.OFFERER);
                assertThat(candidate.addedAt()).isEqualTo(NOW);
            });
        });
    }

    @Test
    void givesLaterAppendsLargerSequencesAcrossOffersAndSides() {
        Offer first = save(anOffer());
        Offer second = save(anOffer());

        long a = append(first, Role.OFFERER, 1).get(0).sequence();
        long b = append(second, Role.OFFERER, 1).get(0).sequence();
        long c = append(first, Role.ANSWERER, 1).get(0).sequence();

        assertThat(List.of(a, b, c)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void listsTheCandidatesOfOneSideAfterASequence() {
        Offer offer = save(anOffer());
        List<Candidate> early = append(offer, Role.OFFERER, 2);
        List<Candidate> fromAnswerer = append(offer, Role.ANSWERER, 2);
        List<Candidate> late = append(offer, Role.OFFERER, 1);

        assertThat(store.candidates(offer.id(), Role.OFFERER, 0))
                .containsExactly(early.get(0), early.get(1), late.get(0));
        assertThat(store.candidates(offer.id(), Role.OFFERER, early.get(0).sequence()))
                .containsExactly(early.get(1), late.get(0));
        assertThat(store.candidates(offer.id(), Role.ANSWERER, 0)).containsExactlyElementsOf(fromAnswerer);
        assertThat(store.candidates(offer.id(), Role.ANSWERER, fromAnswerer.get(1).sequence())).isEmpty();
    }

    @Test
    void listsNoCandidatesOfAnUnknownOffer() {
        assertThat(store.candidates(randomOfferId(), Role.OFFERER, 0)).isEmpty();
    }

    @Test
    void fillsASideUpToItsLimitExactly() {
        Offer offer = save(anOffer());
        store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(3), NOW, 5);

        CandidateAppend append = store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(2), NOW, 5);

        assertThat(append).isInstanceOf(CandidateAppend.Appended.class);
        assertThat(store.candidates(offer.id(), Role.OFFERER, 0)).hasSize(5);
    }

    @Test
    void storesNoneOfABatchThatWouldPassTheLimit() {
        Offer offer = save(anOffer());
        store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(3), NOW, 5);

        CandidateAppend append = store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(3), NOW, 5);

        assertThat(append).isEqualTo(new CandidateAppend.LimitReached());
        assertThat(store.candidates(offer.id(), Role.OFFERER, 0)).hasSize(3);
    }

    @Test
    void countsTheLimitForEachSideSeparately() {
        Offer offer = save(anOffer());
        store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(5), NOW, 5);

        CandidateAppend append = store.appendCandidates(offer.id(), Role.ANSWERER, iceCandidates(5), NOW, 5);

        assertThat(append).isInstanceOf(CandidateAppend.Appended.class);
    }

    @Test
    void holdsTheLimitWhenManyAppendAtOnce() {
        Offer offer = save(anOffer());

        List<CandidateAppend> appends = Race.run(60,
                i -> store.appendCandidates(offer.id(), Role.ANSWERER, iceCandidates(3), NOW, 10));

        assertThat(appends).filteredOn(CandidateAppend.Appended.class::isInstance).hasSize(3);
        assertThat(appends).filteredOn(a -> !(a instanceof CandidateAppend.Appended))
                .containsOnly(new CandidateAppend.LimitReached());
        assertThat(store.candidates(offer.id(), Role.ANSWERER, 0))
                .hasSize(9)
                .extracting(Candidate::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void findsAnUnknownOfferGone() {
        CandidateAppend append = store.appendCandidates(randomOfferId(), Role.OFFERER, iceCandidates(1), NOW, ROOMY);

        assertThat(append).isEqualTo(new CandidateAppend.Gone());
    }

    @Test
    void findsAnExpiredOfferGoneAndStoresNothing() {
        Offer offer = save(anOffer().createdAt(NOW.minus(TTL)).expiresAt(NOW));

        CandidateAppend append = store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(1), NOW, ROOMY);

        assertThat(append).isEqualTo(new CandidateAppend.Gone());
        assertThat(store.candidates(offer.id(), Role.OFFERER, 0)).isEmpty();
    }
}

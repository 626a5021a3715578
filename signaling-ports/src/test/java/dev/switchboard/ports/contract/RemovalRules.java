package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.answerBy;
import static dev.switchboard.ports.testing.OfferFixtures.iceCandidates;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.OfferFixtures.randomOfferId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.OfferStore.AnswerAttempt;
import dev.switchboard.ports.driven.OfferStore.CandidateAppend;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deleting one offer and sweeping expired ones, each with its answer, candidates and events. */
abstract class RemovalRules extends OfferStoreRules {
    private final String owner = randomKeyId();
    private final String answerer = randomKeyId();

    @Test
    void deletesAnOfferWithItsAnswerCandidatesAndEvents() {
        Offer offer = busyOffer();
        Offer kept = busyOffer();

        assertThat(store.delete(offer.id())).isTrue();

        assertThat(store.find(offer.id())).isEmpty();
        assertThat(store.candidates(offer.id(), Role.OFFERER, 0)).isEmpty();
        assertThat(store.candidates(offer.id(), Role.ANSWERER, 0)).isEmpty();
        assertThat(allEventsFor(owner)).isNotEmpty().extracting(OfferEvent::offerId).containsOnly(kept.id());
        assertThat(allEventsFor(answerer)).isNotEmpty().extracting(OfferEvent::offerId).containsOnly(kept.id());
    }

    @Test
    void neitherAnswersNorExtendsADeletedOffer() {
        Offer offer = save(anOffer());
        store.delete(offer.id());

        assertThat(store.attachAnswerIfNone(offer.id(), answerBy(answerer), NOW, RETAIN_UNTIL))
                .isEqualTo(new AnswerAttempt.Gone());
        assertThat(store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(1), NOW, ROOMY))
                .isEqualTo(new CandidateAppend.Gone());
        assertThat(store.replaceTags(offer.id(), Tags.none())).isEmpty();
    }

    @Test
    void stopsOfferingADeletedOffer() {
        Offer offer = save(anOffer());
        OfferQuery inItsService = new OfferQuery(Optional.of(offer.service()), Tags.none(), Optional.empty());

        store.delete(offer.id());

        assertThat(store.countAvailable(inItsService, NOW)).isZero();
    }

    @Test
    void reportsWhetherThereWasAnOfferToDelete() {
        Offer offer = save(anOffer());

        assertThat(store.delete(offer.id())).isTrue();
        assertThat(store.delete(offer.id())).isFalse();
        assertThat(store.delete(randomOfferId())).isFalse();
    }

    @Test
    void sweepsExactlyTheOffersExpiredAtNowWithEverythingOnThem() {
        Instant sweepAt = NOW.plus(Duration.ofMinutes(1));
        Offer expiresAtSweep = save(anOffer().ownedBy(owner).expiresAt(sweepAt));
        Offer outlivesSweep = save(anOffer().ownedBy(owner).expiresAt(sweepAt.plusMillis(1)));
        Offer retentionEndsAtSweep = answer(save(anOffer().ownedBy(owner)), answerer, sweepAt);
        append(retentionEndsAtSweep, Role.ANSWERER, 1);
        Offer retainedPastSweep = answer(save(anOffer().ownedBy(owner)), answerer);

        assertThat(store.deleteExpired(sweepAt)).isEqualTo(2);

        assertThat(store.find(expiresAtSweep.id())).isEmpty();
        assertThat(store.find(retentionEndsAtSweep.id())).isEmpty();
        assertThat(store.candidates(retentionEndsAtSweep.id(), Role.ANSWERER, 0)).isEmpty();
        assertThat(store.find(outlivesSweep.id())).contains(outlivesSweep);
        assertThat(store.find(retainedPastSweep.id())).contains(retainedPastSweep);
        assertThat(allEventsFor(owner)).singleElement().extracting(OfferEvent::offerId)
                .isEqualTo(retainedPastSweep.id());
    }

    @Test
    void sweepsNothingWhenNothingExpired() {
        save(anOffer());

        assertThat(store.deleteExpired(NOW)).isZero();
    }

    /** An answered offer of {@link #owner} with candidates from both sides, so events to both participants. */
    private Offer busyOffer() {
        Offer offer = save(anOffer().ownedBy(owner));
        append(offer, Role.OFFERER, 1);
        Offer answered = answer(offer, answerer);
        append(answered, Role.ANSWERER, 2);
        append(answered, Role.OFFERER, 1);
        return answered;
    }
}

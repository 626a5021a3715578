package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.answerBy;
import static dev.switchboard.ports.testing.OfferFixtures.iceCandidates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.OfferStore.AnswerAttempt;
import dev.switchboard.ports.driven.OfferStore.CandidateAppend;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.testing.OfferFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** What every group of the offer store contract shares: a store per test and steps that must succeed. */
abstract class OfferStoreRules {
    /** A per-side candidate limit high enough never to matter where a test is not about the limit. */
    static final int ROOMY = 1000;
    /** Where answering moves an offer's expiry: later than a fixture offer's own. */
    static final Instant RETAIN_UNTIL = NOW.plus(Duration.ofMinutes(10));

    OfferStore store;

    protected abstract OfferStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    Offer save(OfferFixtures.Builder offer) {
        Offer built = offer.build();
        store.saveAll(List.of(built));
        return built;
    }

    /** Answers at {@link OfferFixtures#NOW} and returns the offer as it now is. */
    Offer answer(Offer offer, String answererKeyId) {
        return answer(offer, answererKeyId, RETAIN_UNTIL);
    }

    Offer answer(Offer offer, String answererKeyId, Instant retainUntil) {
        AnswerAttempt attempt = store.attachAnswerIfNone(offer.id(), answerBy(answererKeyId), NOW, retainUntil);
        assertThat(attempt).isInstanceOf(AnswerAttempt.Won.class);
        return ((AnswerAttempt.Won) attempt).offer();
    }

    /** Appends {@code count} fresh candidates at {@link OfferFixtures#NOW} and returns them as stored. */
    List<Candidate> append(Offer offer, Role from, int count) {
        CandidateAppend append = store.appendCandidates(offer.id(), from, iceCandidates(count), NOW, ROOMY);
        assertThat(append).isInstanceOf(CandidateAppend.Appended.class);
        return ((CandidateAppend.Appended) append).candidates();
    }

    List<OfferEvent> allEventsFor(String keyId) {
        return store.eventsFor(keyId, 0, ROOMY);
    }

    static List<OfferEvent> added(List<Candidate> candidates) {
        return candidates.stream().<OfferEvent>map(OfferEvent.CandidateAdded::new).toList();
    }
}

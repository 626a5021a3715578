package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.TTL;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.answerBy;
import static dev.switchboard.ports.testing.OfferFixtures.iceCandidates;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.OfferFixtures.randomOfferId;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.OfferStore.AnswerAttempt;
import dev.switchboard.ports.driven.OfferStore.CandidateAppend;
import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.testing.Race;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The answer race: one answer per offer, none on a missing or expired one, and the expiry it moves. */
abstract class AnsweringRules extends OfferStoreRules {

    @Test
    void letsTheFirstAnswerWinAndMovesTheExpiryToTheRetentionHorizon() {
        Offer offer = save(anOffer());
        Answer answer = answerBy(randomKeyId());

        AnswerAttempt attempt = store.attachAnswerIfNone(offer.id(), answer, NOW, RETAIN_UNTIL);

        Offer answered = offer.withAnswer(answer, RETAIN_UNTIL);
        assertThat(attempt).isEqualTo(new AnswerAttempt.Won(answered));
        assertThat(store.find(offer.id())).contains(answered);
    }

    @Test
    void keepsAnAnsweredOfferAliveUntilTheRetentionHorizon() {
        Offer offer = answer(save(anOffer()), randomKeyId());
        Instant afterTheOriginalExpiry = NOW.plus(TTL).plusSeconds(1);

        CandidateAppend append =
                store.appendCandidates(offer.id(), Role.OFFERER, iceCandidates(1), afterTheOriginalExpiry, ROOMY);

        assertThat(append).isInstanceOf(CandidateAppend.Appended.class);
    }

    @Test
    void rejectsASecondAnswerAndKeepsTheFirst() {
        Offer won = answer(save(anOffer()), randomKeyId());

        AnswerAttempt second = store.attachAnswerIfNone(won.id(), answerBy(randomKeyId()), NOW, RETAIN_UNTIL);

        assertThat(second).isEqualTo(new AnswerAttempt.AlreadyAnswered());
        assertThat(store.find(won.id())).contains(won);
    }

    @Test
    void findsAnUnknownOfferGone() {
        AnswerAttempt attempt = store.attachAnswerIfNone(randomOfferId(), answerBy(randomKeyId()), NOW, RETAIN_UNTIL);

        assertThat(attempt).isEqualTo(new AnswerAttempt.Gone());
    }

    @Test
    void findsAnOfferGoneFromTheInstantItExpiresAndLeavesItUnanswered() {
        Offer offer = save(anOffer());

        AnswerAttempt attempt =
                store.attachAnswerIfNone(offer.id(), answerBy(randomKeyId()), offer.expiresAt(), RETAIN_UNTIL);

        assertThat(attempt).isEqualTo(new AnswerAttempt.Gone());
        assertThat(store.find(offer.id())).contains(offer);
    }

    @Test
    void acceptsAnAnswerAMomentBeforeExpiry() {
        Offer offer = save(anOffer());

        AnswerAttempt attempt = store.attachAnswerIfNone(
                offer.id(), answerBy(randomKeyId()), offer.expiresAt().minusMillis(1), RETAIN_UNTIL);

        assertThat(attempt).isInstanceOf(AnswerAttempt.Won.class);
    }

    @Test
    void letsExactlyOneOfManyConcurrentAnswersWinOnEachOffer() {
        int offers = 20;
        int answersPerOffer = 25;
        List<OfferId> ids = IntStream.range(0, offers).mapToObj(i -> save(anOffer()).id()).toList();
        List<Answer> answers = IntStream.range(0, offers * answersPerOffer)
                .mapToObj(i -> answerBy(randomKeyId())).toList();

        List<AnswerAttempt> attempts = Race.run(answers.size(),
                i -> store.attachAnswerIfNone(ids.get(i % offers), answers.get(i), NOW, RETAIN_UNTIL));

        Map<OfferId, List<Integer>> winnersByOffer = IntStream.range(0, attempts.size()).boxed()
                .filter(i -> attempts.get(i) instanceof AnswerAttempt.Won)
                .collect(groupingBy(i -> ids.get(i % offers), toList()));
        assertThat(winnersByOffer).hasSize(offers).allSatisfy((id, winners) -> {
            assertThat(winners).hasSize(1);
            assertThat(store.find(id).flatMap(Offer::answer)).isEqualTo(Optional.of(answers.get(winners.get(0))));
        });
        assertThat(attempts).filteredOn(a -> !(a instanceof AnswerAttempt.Won))
                .hasSize(offers * (answersPerOffer - 1))
                .containsOnly(new AnswerAttempt.AlreadyAnswered());
    }
}

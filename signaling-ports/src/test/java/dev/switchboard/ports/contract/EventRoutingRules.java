package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.iceCandidates;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.OfferStore.CandidateAppend;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.testing.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Who learns what: the routing of answers and candidates to participants, in sequence order. */
abstract class EventRoutingRules extends OfferStoreRules {
    private final String owner = randomKeyId();
    private final String answerer = randomKeyId();

    @Test
    void tellsTheOwnerThatItsOfferWasAnswered() {
        Offer answered = answer(save(anOffer().ownedBy(owner)), answerer);

        assertThat(allEventsFor(owner)).singleElement().isInstanceOfSatisfying(OfferEvent.Answered.class, event -> {
            assertThat(event.offerId()).isEqualTo(answered.id());
            assertThat(event.answer()).isEqualTo(answered.answer().orElseThrow());
            assertThat(event.sequence()).isPositive();
        });
        assertThat(allEventsFor(answerer)).isEmpty();
    }

    @Test
    void givesTheAnswerASequenceAfterEarlierCandidates() {
        Offer offer = save(anOffer().ownedBy(owner));
        long candidateSequence = append(offer, Role.OFFERER, 1).get(0).sequence();
        answer(offer, answerer);

        List<OfferEvent> toOwner = allEventsFor(owner);
        assertThat(toOwner).hasSize(1);
        assertThat(toOwner.get(0).sequence()).isGreaterThan(candidateSequence);
    }

    @Test
    void passesTheAnswerersCandidatesToTheOwnerOnly() {
        Offer offer = answer(save(anOffer().ownedBy(owner)), answerer);

        List<Candidate> sent = append(offer, Role.ANSWERER, 2);

        assertThat(allEventsFor(owner)).hasSize(3).endsWith(added(sent).toArray(OfferEvent[]::new));
        assertThat(allEventsFor(answerer)).isEmpty();
    }

    @Test
    void passesTheOwnersCandidatesToTheAnswererIncludingThoseSentBeforeTheAnswer() {
        Offer offer = save(anOffer().ownedBy(owner));
        List<Candidate> beforeAnswer = append(offer, Role.OFFERER, 2);
        assertThat(allEventsFor(answerer)).isEmpty();

        answer(offer, answerer);
        List<Candidate> afterAnswer = append(offer, Role.OFFERER, 1);

        assertThat(allEventsFor(answerer)).containsExactlyElementsOf(
                added(Stream.concat(beforeAnswer.stream(), afterAnswer.stream()).toList()));
        assertThat(allEventsFor(owner)).singleElement().isInstanceOf(OfferEvent.Answered.class);
    }

    @Test
    void tellsOutsidersNothing() {
        Offer offer = answer(save(anOffer().ownedBy(owner)), answerer);
        append(offer, Role.OFFERER, 1);
        append(offer, Role.ANSWERER, 1);

        assertThat(allEventsFor(randomKeyId())).isEmpty();
    }

    @Test
    void returnsAtMostTheLimitOfEventsAfterTheGivenSequence() {
        Offer offer = answer(save(anOffer().ownedBy(owner)), answerer);
        List<Candidate> sent = append(offer, Role.ANSWERER, 5);

        List<OfferEvent> page = store.eventsFor(owner, sent.get(0).sequence(), 2);

        assertThat(page).containsExactlyElementsOf(added(sent.subList(1, 3)));
    }

    @Test
    void mergesTheEventsOfSeveralOffersInSequenceOrder() {
        Offer first = answer(save(anOffer().ownedBy(owner)), answerer);
        Offer second = answer(save(anOffer().ownedBy(owner)), answerer);
        append(second, Role.ANSWERER, 2);
        append(first, Role.ANSWERER, 1);
        append(second, Role.ANSWERER, 1);

        List<OfferEvent> events = allEventsFor(owner);

        assertThat(events).extracting(OfferEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(OfferEvent::offerId)
                .containsExactly(first.id(), second.id(), second.id(), second.id(), first.id(), second.id());
    }

    @Test
    void letsAPollingReaderSeeEveryEventOnceAndInOrderWhileOthersWrite() {
        int offers = 4;
        int candidatesPerSide = 60;
        List<Offer> answered = IntStream.range(0, offers)
                .mapToObj(i -> answer(save(anOffer().ownedBy(owner)), answerer)).toList();
        List<Long> answerSequences = allEventsFor(owner).stream().map(OfferEvent::sequence).toList();
        AtomicInteger writing = new AtomicInteger(2 * offers);

        List<List<Long>> sequences = Race.run(2 + 2 * offers, i -> switch (i) {
            case 0 -> pollUntilDrained(owner, writing);
            case 1 -> pollUntilDrained(answerer, writing);
            default -> appendInBatches(answered.get((i - 2) / 2), i % 2 == 0 ? Role.OFFERER : Role.ANSWERER,
                    candidatesPerSide, writing);
        });

        List<Long> toOwner = new ArrayList<>(answerSequences);
        List<Long> toAnswerer = new ArrayList<>();
        for (int i = 2; i < sequences.size(); i++) {
            (i % 2 == 0 ? toAnswerer : toOwner).addAll(sequences.get(i));
        }
        assertThat(sequences.get(0)).containsExactlyElementsOf(toOwner.stream().sorted().toList());
        assertThat(sequences.get(1)).containsExactlyElementsOf(toAnswerer.stream().sorted().toList());
    }

    /** Polls with a small page, as a client does, until the writers are done and nothing is left. */
    private List<Long> pollUntilDrained(String recipient, AtomicInteger writing) {
        List<Long> seen = new ArrayList<>();
        long cursor = 0;
        while (true) {
            boolean writersDone = writing.get() == 0;
            List<OfferEvent> page = store.eventsFor(recipient, cursor, 7);
            for (OfferEvent event : page) {
                seen.add(event.sequence());
                cursor = event.sequence();
            }
            if (page.isEmpty()) {
                if (writersDone) {
                    return seen;
                }
                Thread.yield();
            }
        }
    }

    private List<Long> appendInBatches(Offer offer, Role from, int total, AtomicInteger writing) {
        try {
            List<Long> appended = new ArrayList<>();
            for (int batch = 1; appended.size() < total; batch = batch % 3 + 1) {
                int size = Math.min(batch, total - appended.size());
                CandidateAppend append =
                        store.appendCandidates(offer.id(), from, iceCandidates(size), NOW, ROOMY);
                ((CandidateAppend.Appended) append).candidates().forEach(c -> appended.add(c.sequence()));
            }
            return appended;
        } finally {
            writing.decrementAndGet();
        }
    }
}

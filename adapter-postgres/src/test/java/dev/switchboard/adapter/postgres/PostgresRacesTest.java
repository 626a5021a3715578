package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.answerBy;
import static dev.switchboard.ports.testing.OfferFixtures.iceCandidates;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.OfferStore.AnswerAttempt;
import dev.switchboard.ports.driven.OfferStore.CandidateAppend;
import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The races of the ports, decided by the database for two instances that share it: every contender runs on
 * its own pooled connection, half of them through each instance, as two app servers behind a balancer would.
 */
class PostgresRacesTest extends TwoInstanceRaces {
    private static final Instant RETAIN_UNTIL = NOW.plus(Duration.ofMinutes(10));

    /** The instance the {@code i}-th contender goes through. */
    private OfferStore via(int i) {
        return instance(i).offers();
    }

    @Nested
    class WhenManyAnswerTheSameOffers {
        @Test
        void letsExactlyOneAnswerWinPerOfferAndTellsTheOwnerOnce() {
            String owner = randomKeyId();
            int offers = 8;
            int answersPerOffer = 40;
            List<OfferId> ids = IntStream.range(0, offers).mapToObj(i -> save(anOffer().ownedBy(owner).build())).toList();
            List<Answer> answers = IntStream.range(0, offers * answersPerOffer)
                    .mapToObj(i -> answerBy(randomKeyId())).toList();

            List<AnswerAttempt> attempts = Race.run(answers.size(),
                    i -> via(i).attachAnswerIfNone(ids.get(i % offers), answers.get(i), NOW, RETAIN_UNTIL));

            Map<OfferId, List<Integer>> winnersByOffer = IntStream.range(0, attempts.size()).boxed()
                    .filter(i -> attempts.get(i) instanceof AnswerAttempt.Won)
                    .collect(groupingBy(i -> ids.get(i % offers), toList()));
            assertThat(winnersByOffer).hasSize(offers).allSatisfy((id, winners) -> {
                assertThat(winners).hasSize(1);
                assertThat(second.offers().find(id).flatMap(Offer::answer)).contains(answers.get(winners.get(0)));
            });
            assertThat(first.offers().eventsFor(owner, 0, 100))
                    .hasSize(offers)
                    .allSatisfy(event -> assertThat(event).isInstanceOf(OfferEvent.Answered.class));
        }
    }

    @Nested
    class WhenManyAppendCandidatesToOneSide {
        @Test
        void holdsTheLimitAcrossInstances() {
            OfferId id = save(anOffer().build());

            List<CandidateAppend> appends = Race.run(40,
                    i -> via(i).appendCandidates(id, Role.OFFERER, iceCandidates(2), NOW, 10));

            assertThat(appends).filteredOn(CandidateAppend.Appended.class::isInstance).hasSize(5);
            assertThat(first.offers().candidates(id, Role.OFFERER, 0)).hasSize(10);
        }
    }

    @Nested
    class WhenManyPresentTheSameNonce {
        @Test
        void acceptsItExactlyOnceAcrossInstances() {
            String keyId = randomKeyId();

            List<Boolean> outcomes = Race.run(400, i -> instance(i).nonces()
                    .rememberIfAbsent(keyId, "contested-nonce", NOW.plusSeconds(60)));

            assertThat(outcomes).containsOnlyOnce(true);
        }
    }

    @Nested
    class WhenReadersPollWhileWritersOnBothInstancesAppend {
        private final String owner = randomKeyId();
        private final String answerer = randomKeyId();

        /**
         * Sequences are taken in one order and committed in another unless the store prevents it; a reader
         * that saw a larger one first would move its cursor past the smaller one and never see it.
         */
        @Test
        void letsEveryReaderSeeEverySequenceOnceAndInOrder() {
            int writers = 12;
            int candidatesPerWriter = 40;
            List<OfferId> offers = IntStream.range(0, writers / 2).mapToObj(i -> answeredOffer()).toList();
            List<Long> answerSequences = events(first.offers().eventsFor(owner, 0, 100));
            AtomicInteger writing = new AtomicInteger(writers);

            List<List<Long>> seen = Race.run(writers + 2, i -> switch (i) {
                case 0 -> pollUntilDrained(first.offers(), writing);
                case 1 -> pollUntilDrained(second.offers(), writing);
                default -> appendInBatches(via(i), offers.get((i - 2) / 2), candidatesPerWriter, writing);
            });

            List<Long> expected = new ArrayList<>(answerSequences);
            seen.subList(2, seen.size()).forEach(expected::addAll);
            List<Long> inOrder = expected.stream().sorted().toList();
            assertThat(seen.get(0)).containsExactlyElementsOf(inOrder);
            assertThat(seen.get(1)).containsExactlyElementsOf(inOrder);
        }

        private OfferId answeredOffer() {
            OfferId id = save(anOffer().ownedBy(owner).build());
            assertThat(first.offers().attachAnswerIfNone(id, answerBy(answerer), NOW, RETAIN_UNTIL))
                    .isInstanceOf(AnswerAttempt.Won.class);
            return id;
        }

        private List<Long> pollUntilDrained(OfferStore store, AtomicInteger writing) {
            List<Long> sequences = new ArrayList<>();
            long cursor = 0;
            while (true) {
                boolean writersDone = writing.get() == 0;
                List<OfferEvent> page = store.eventsFor(owner, cursor, 5);
                sequences.addAll(events(page));
                if (!page.isEmpty()) {
                    cursor = page.get(page.size() - 1).sequence();
                } else if (writersDone) {
                    return sequences;
                }
            }
        }

        private List<Long> appendInBatches(OfferStore store, OfferId offer, int total, AtomicInteger writing) {
            try {
                List<Long> appended = new ArrayList<>();
                for (int batch = 1; appended.size() < total; batch = batch % 3 + 1) {
                    CandidateAppend append = store.appendCandidates(offer, Role.ANSWERER,
                            iceCandidates(Math.min(batch, total - appended.size())), NOW, 1000);
                    ((CandidateAppend.Appended) append).candidates().forEach(c -> appended.add(c.sequence()));
                }
                return appended;
            } finally {
                writing.decrementAndGet();
            }
        }
    }

    private OfferId save(Offer offer) {
        first.offers().saveAll(List.of(offer));
        return offer.id();
    }

    private static List<Long> events(List<OfferEvent> events) {
        return events.stream().map(OfferEvent::sequence).toList();
    }
}

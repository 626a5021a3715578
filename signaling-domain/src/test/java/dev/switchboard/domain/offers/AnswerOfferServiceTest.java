package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.ANSWER_SDP;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnswerOfferServiceTest {
    private final TestCore core = new TestCore();

    @Nested
    class WhenTheOfferIsAvailable {
        private final Offer offer = core.publish(ALICE, Duration.ofSeconds(30));

        @Test
        void attachesTheCallersAnswer() {
            AnswerOffer.Result result = core.answer(BOB, offer);

            assertThat(result.offer().answer()).hasValueSatisfying(answer -> {
                assertThat(answer.answererKeyId()).isEqualTo(BOB.keyId());
                assertThat(answer.sdp()).isEqualTo(ANSWER_SDP);
                assertThat(answer.answeredAt()).isEqualTo(core.clock.instant());
            });
            assertThat(core.storage.offers().find(offer.id())).contains(result.offer());
        }

        @Test
        void returnsTheCandidatesTheOwnerSentBeforeTheAnswer() {
            List<Candidate> early = core.addCandidates(ALICE, offer, "host", "srflx");

            assertThat(core.answer(BOB, offer).offererCandidates()).containsExactlyElementsOf(early);
        }

        @Test
        void keepsTheAnsweredOfferForTheRetentionWhenThatOutlastsItsTtl() {
            Offer answered = core.answer(BOB, offer).offer();

            assertThat(answered.expiresAt()).isEqualTo(core.clock.instant().plus(core.policy.answeredOfferRetention()));
        }

        @Test
        void neverShortensALongerTtl() {
            Offer longLived = core.publish(ALICE, Duration.ofMinutes(30));

            assertThat(core.answer(BOB, longLived).offer().expiresAt()).isEqualTo(longLived.expiresAt());
        }

        @Test
        void takesTheOfferOutOfDiscovery() {
            core.answer(BOB, offer);

            assertThat(core.useCases().discoverOffers().count(OfferQuery.everything())).isZero();
        }
    }

    @Nested
    class WhenTheCallerOwnsTheOffer {
        @Test
        void refusesTheAnswerAndLeavesTheOfferAvailable() {
            Offer offer = core.publish(ALICE);

            assertRefused(ErrorCode.CANNOT_ANSWER_OWN_OFFER, () -> core.answer(ALICE, offer));
            assertThat(core.useCases().discoverOffers().get(offer.id()).isAnswered()).isFalse();
        }
    }

    @Nested
    class WhenTheOfferIsAlreadyAnswered {
        @Test
        void rejectsTheSecondAnswerAndKeepsTheFirst() {
            Offer offer = core.publish(ALICE);
            core.answer(BOB, offer);

            assertRefused(ErrorCode.OFFER_ALREADY_ANSWERED, () -> core.answer(CAROL, offer));
            assertThat(core.useCases().discoverOffers().get(offer.id()).answer().orElseThrow().answererKeyId())
                    .isEqualTo(BOB.keyId());
        }
    }

    @Nested
    class WhenTheOfferIsGone {
        @Test
        void saysAnExpiredOfferExpired() {
            Offer offer = core.publish(ALICE, Duration.ofSeconds(30));
            core.clock.advance(Duration.ofSeconds(30));

            assertRefused(ErrorCode.OFFER_EXPIRED, () -> core.answer(BOB, offer));
        }

        @Test
        void saysAnUnknownOfferIsNotFound() {
            assertRefused(ErrorCode.OFFER_NOT_FOUND, () -> core.useCases().answerOffer()
                    .answer(BOB, new AnswerOffer.Request(new OfferId("unknown-offer-id"), ANSWER_SDP)));
        }
    }

    @Nested
    class WhenManyPeersAnswerAtOnce {
        private static final int PEERS = 32;

        @Test
        void exactlyOneWinsAndEveryOtherIsToldItLost() throws Exception {
            Offer offer = core.publish(ALICE);
            Queue<String> winners = new ConcurrentLinkedQueue<>();
            Queue<ErrorCode> refusals = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(PEERS);
            try {
                List<Future<?>> attempts = new ArrayList<>();
                for (int i = 0; i < PEERS; i++) {
                    Identity peer = TestCore.peer("peer" + i);
                    attempts.add(pool.submit(() -> {
                        start.await();
                        try {
                            winners.add(core.answer(peer, offer).offer().answer().orElseThrow().answererKeyId());
                        } catch (SignalingException refused) {
                            refusals.add(refused.code());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> attempt : attempts) {
                    attempt.get(10, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(winners).hasSize(1);
            assertThat(refusals).hasSize(PEERS - 1).containsOnly(ErrorCode.OFFER_ALREADY_ANSWERED);
            assertThat(core.useCases().discoverOffers().get(offer.id()).answer().orElseThrow().answererKeyId())
                    .isEqualTo(winners.peek());
        }
    }
}

package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AddIceCandidatesServiceTest {
    private final TestCore core = new TestCore();
    private final Offer offer = core.publish(ALICE, Duration.ofSeconds(30));

    private List<Candidate> add(int count, String label) {
        List<IceCandidate> candidates = Collections.nCopies(count, TestCore.candidate(label));
        return core.useCases().addIceCandidates().add(ALICE, new AddIceCandidates.Request(offer.id(), candidates));
    }

    @Nested
    class TheRoleComesFromTheIdentity {
        @Test
        void theOwnerAddsAsTheOfferer() {
            assertThat(core.addCandidates(ALICE, offer, "host")).singleElement()
                    .satisfies(candidate -> assertThat(candidate.from()).isEqualTo(Role.OFFERER));
        }

        @Test
        void theAcceptedAnswererAddsAsTheAnswerer() {
            core.answer(BOB, offer);

            assertThat(core.addCandidates(BOB, offer, "host", "relay"))
                    .extracting(Candidate::from).containsExactly(Role.ANSWERER, Role.ANSWERER);
        }

        @Test
        void storesCandidatesInTheOrderGivenWithRisingSequences() {
            List<Candidate> added = core.addCandidates(ALICE, offer, "first", "second", "third");

            assertThat(added).extracting(Candidate::candidate).containsExactly(
                    TestCore.candidate("first"), TestCore.candidate("second"), TestCore.candidate("third"));
            assertThat(added).extracting(Candidate::sequence).isSorted().doesNotHaveDuplicates();
        }
    }

    @Nested
    class WhenTheCallerIsNotAParticipant {
        @Test
        void refusesAStrangerBeforeAnyAnswer() {
            assertRefused(ErrorCode.NOT_A_PARTICIPANT, () -> core.addCandidates(BOB, offer, "host"));
        }

        @Test
        void refusesAPeerWhoseAnswerLost() {
            core.answer(BOB, offer);

            assertRefused(ErrorCode.NOT_A_PARTICIPANT, () -> core.addCandidates(CAROL, offer, "host"));
            assertThat(core.storage.offers().candidates(offer.id(), Role.ANSWERER, 0)).isEmpty();
        }
    }

    @Nested
    class WhenASideReachesItsLimit {
        @Test
        void refusesTheWholeRequestThatWouldExceedIt() {
            int limit = core.policy.maxCandidatesPerSide();
            add(limit - 1, "early");

            assertRefused(ErrorCode.CANDIDATE_LIMIT_REACHED, () -> add(2, "late"));
            assertThat(core.storage.offers().candidates(offer.id(), Role.OFFERER, 0)).hasSize(limit - 1);
        }

        @Test
        void stillAcceptsTheOtherSide() {
            core.answer(BOB, offer);
            add(core.policy.maxCandidatesPerSide(), "host");

            assertThat(core.addCandidates(BOB, offer, "host")).hasSize(1);
        }
    }

    @Nested
    class WhenTheOfferWasAnsweredLate {
        @Test
        void acceptsCandidatesAfterTheOriginalTtlWithinTheRetention() {
            core.clock.advance(Duration.ofSeconds(29));
            core.answer(BOB, offer);
            core.clock.advance(Duration.ofSeconds(60));

            assertThat(core.addCandidates(BOB, offer, "late")).hasSize(1);
            assertThat(core.addCandidates(ALICE, offer, "late")).hasSize(1);
        }

        @Test
        void refusesCandidatesOnceTheRetentionRanOut() {
            core.answer(BOB, offer);
            core.clock.advance(core.policy.answeredOfferRetention());

            assertRefused(ErrorCode.OFFER_EXPIRED, () -> core.addCandidates(BOB, offer, "too-late"));
        }
    }

    @Nested
    class WhenTheOfferIsGone {
        @Test
        void saysAnUnansweredOfferPastItsTtlExpired() {
            core.clock.advance(Duration.ofSeconds(30));

            assertRefused(ErrorCode.OFFER_EXPIRED, () -> core.addCandidates(ALICE, offer, "host"));
        }

        @Test
        void saysAnUnknownOfferIsNotFound() {
            assertRefused(ErrorCode.OFFER_NOT_FOUND, () -> core.useCases().addIceCandidates().add(ALICE,
                    new AddIceCandidates.Request(new OfferId("unknown-offer-id"), List.of(TestCore.candidate("x")))));
        }
    }
}

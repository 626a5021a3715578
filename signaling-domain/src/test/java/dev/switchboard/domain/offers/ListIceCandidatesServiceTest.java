package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.ListIceCandidates;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Offer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ListIceCandidatesServiceTest {
    private final TestCore core = new TestCore();
    private final ListIceCandidates candidates = core.useCases().listIceCandidates();
    private final Offer offer = core.publish(ALICE);
    private List<Candidate> alices;
    private List<Candidate> bobs;

    private void exchangeCandidates() {
        alices = core.addCandidates(ALICE, offer, "alice-host");
        core.answer(BOB, offer);
        bobs = core.addCandidates(BOB, offer, "bob-host", "bob-relay");
        alices = List.of(alices.get(0), core.addCandidates(ALICE, offer, "alice-relay").get(0));
    }

    @Nested
    class WhenBothSidesSentCandidates {
        @Test
        void theOwnerReceivesOnlyTheAnswerersCandidates() {
            exchangeCandidates();

            assertThat(candidates.list(ALICE, offer.id(), 0)).containsExactlyElementsOf(bobs);
        }

        @Test
        void theAnswererReceivesOnlyTheOwnersCandidatesIncludingThoseSentBeforeItsAnswer() {
            exchangeCandidates();

            assertThat(candidates.list(BOB, offer.id(), 0)).containsExactlyElementsOf(alices);
        }

        @Test
        void returnsOnlyCandidatesAfterTheGivenSequence() {
            exchangeCandidates();

            assertThat(candidates.list(BOB, offer.id(), alices.get(0).sequence())).containsExactly(alices.get(1));
            assertThat(candidates.list(ALICE, offer.id(), bobs.get(1).sequence())).isEmpty();
        }
    }

    @Nested
    class WhenTheCallerIsNotAParticipant {
        @Test
        void refusesAStranger() {
            exchangeCandidates();

            assertRefused(ErrorCode.NOT_A_PARTICIPANT, () -> candidates.list(CAROL, offer.id(), 0));
        }

        @Test
        void refusesEveryoneButTheOwnerBeforeAnAnswer() {
            core.addCandidates(ALICE, offer, "alice-host");

            assertRefused(ErrorCode.NOT_A_PARTICIPANT, () -> candidates.list(BOB, offer.id(), 0));
        }
    }

    @Nested
    class WhenTheRequestIsInvalid {
        @Test
        void rejectsANegativeCursor() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> candidates.list(ALICE, offer.id(), -1));
        }

        @Test
        void saysAnExpiredOfferExpired() {
            core.clock.advance(Duration.ofHours(2));

            assertRefused(ErrorCode.OFFER_EXPIRED, () -> candidates.list(ALICE, offer.id(), 0));
        }
    }
}

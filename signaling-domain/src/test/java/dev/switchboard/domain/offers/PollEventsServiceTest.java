package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.ANSWER_SDP;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PollEventsServiceTest {
    private final TestCore core = new TestCore();
    private final PollEvents events = core.useCases().pollEvents();
    private final Offer offer = core.publish(ALICE);

    @Nested
    class WhenTheOwnersOfferIsAnsweredAndTheAnswererSendsCandidates {
        private final List<Candidate> alices = core.addCandidates(ALICE, offer, "alice-host");
        private final Offer answered = core.answer(BOB, offer).offer();
        private final List<Candidate> bobs = core.addCandidates(BOB, offer, "bob-host", "bob-relay");

        @Test
        void theOwnerSeesTheAnswerThenTheCandidatesInOrder() {
            EventPage page = events.poll(ALICE, 0, 10);

            assertThat(page.events()).hasSize(3);
            assertThat(page.events().get(0)).isInstanceOfSatisfying(OfferEvent.Answered.class, event -> {
                assertThat(event.offerId()).isEqualTo(offer.id());
                assertThat(event.answer()).isEqualTo(answered.answer().orElseThrow());
                assertThat(event.answer().sdp()).isEqualTo(ANSWER_SDP);
            });
            assertThat(page.events().subList(1, 3)).containsExactly(
                    new OfferEvent.CandidateAdded(bobs.get(0)), new OfferEvent.CandidateAdded(bobs.get(1)));
            assertThat(page.events()).extracting(OfferEvent::sequence).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void theAnswererSeesTheOwnersCandidatesSentBeforeItsAnswer() {
            assertThat(events.poll(BOB, 0, 10).events())
                    .containsExactly(new OfferEvent.CandidateAdded(alices.get(0)));
        }

        @Test
        void aStrangerSeesNothing() {
            assertThat(events.poll(CAROL, 0, 10).events()).isEmpty();
        }

        @Test
        void theCursorIsTheLastSequenceReturned() {
            EventPage page = events.poll(ALICE, 0, 10);

            assertThat(page.cursor()).isEqualTo(bobs.get(1).sequence());
        }

        @Test
        void pollingFromTheCursorRepeatsNothingAndYieldsOnlyWhatCameLater() {
            EventPage first = events.poll(ALICE, 0, 10);
            EventPage nothingNew = events.poll(ALICE, first.cursor(), 10);
            List<Candidate> later = core.addCandidates(BOB, offer, "bob-late");
            EventPage next = events.poll(ALICE, nothingNew.cursor(), 10);

            assertThat(nothingNew.events()).isEmpty();
            assertThat(nothingNew.cursor()).isEqualTo(first.cursor());
            assertThat(next.events()).containsExactly(new OfferEvent.CandidateAdded(later.get(0)));
            assertThat(next.cursor()).isEqualTo(later.get(0).sequence());
        }

        @Test
        void aSmallLimitPagesThroughEveryEventExactlyOnce() {
            List<OfferEvent> all = events.poll(ALICE, 0, 10).events();
            List<OfferEvent> paged = new ArrayList<>();
            long cursor = 0;
            for (int i = 0; i < all.size(); i++) {
                EventPage page = events.poll(ALICE, cursor, 1);
                assertThat(page.events()).hasSize(1);
                paged.addAll(page.events());
                cursor = page.cursor();
            }

            assertThat(paged).containsExactlyElementsOf(all);
            assertThat(events.poll(ALICE, cursor, 1).events()).isEmpty();
        }
    }

    @Nested
    class WhenTheRequestIsInvalid {
        @Test
        void rejectsANegativeCursor() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> events.poll(ALICE, -1, 10));
        }

        @Test
        void rejectsALimitOutsideOneToTheMaximumPageSize() {
            int tooLarge = core.policy.maxPageSize() + 1;

            assertRefused(ErrorCode.VALIDATION_FAILED, () -> events.poll(ALICE, 0, 0));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> events.poll(ALICE, 0, tooLarge));
        }
    }
}

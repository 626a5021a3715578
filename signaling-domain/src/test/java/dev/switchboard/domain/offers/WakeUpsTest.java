package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.ForwardingStorage;
import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.model.Offer;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which keys the answer and candidate use cases wake: exactly the other participant, never a bystander. */
class WakeUpsTest {
    private final EventPublisher events = mock(EventPublisher.class);
    private final TestCore core = new TestCore(withEvents(new InMemoryStorage(), events));
    private final Offer offer = core.publish(ALICE);

    /** The real in-memory stores, with {@code events} in place of their publisher. */
    private static SignalingStorage withEvents(SignalingStorage stores, EventPublisher events) {
        return new ForwardingStorage(stores) {
            @Override
            public EventPublisher events() {
                return events;
            }
        };
    }

    @Nested
    class WhenAnAnswerWins {
        @Test
        void wakesTheOwnerOnly() {
            core.answer(BOB, offer);

            verify(events).publish(Set.of(ALICE.keyId()));
            verifyNoMoreInteractions(events);
        }
    }

    @Nested
    class WhenAnAnswerIsRefused {
        @Test
        void wakesNobody() {
            core.answer(BOB, offer);
            verify(events).publish(Set.of(ALICE.keyId()));

            assertRefused(ErrorCode.OFFER_ALREADY_ANSWERED, () -> core.answer(CAROL, offer));
            assertRefused(ErrorCode.CANNOT_ANSWER_OWN_OFFER, () -> core.answer(ALICE, core.publish(ALICE)));
            verifyNoMoreInteractions(events);
        }
    }

    @Nested
    class WhenCandidatesAreAdded {
        @Test
        void theOwnersCandidatesWakeTheAnswerer() {
            core.answer(BOB, offer);
            core.addCandidates(ALICE, offer, "host");

            verify(events).publish(Set.of(ALICE.keyId()));
            verify(events).publish(Set.of(BOB.keyId()));
            verifyNoMoreInteractions(events);
        }

        @Test
        void theAnswerersCandidatesWakeTheOwner() {
            core.answer(BOB, offer);
            core.addCandidates(BOB, offer, "host");

            verify(events, times(2)).publish(Set.of(ALICE.keyId()));
            verifyNoMoreInteractions(events);
        }

        @Test
        void theOwnersCandidatesBeforeAnyAnswerWakeNobody() {
            core.addCandidates(ALICE, offer, "host");

            verifyNoInteractions(events);
        }

        @Test
        void aRefusedStrangerWakesNobody() {
            assertRefused(ErrorCode.NOT_A_PARTICIPANT, () -> core.addCandidates(CAROL, offer, "host"));

            verifyNoInteractions(events);
        }
    }
}

package dev.switchboard.domain.pairing;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.AcknowledgeMessages;
import dev.switchboard.ports.driving.FetchMessages;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.MessagePage;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SessionMessage.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The mailbox as its owner reads it: in order, after a cursor, until acknowledged and never after. */
class FetchAndAcknowledgeTest {
    private final TestPairing pairing = new TestPairing();
    private final FetchMessages fetch = pairing.useCases.fetchMessages();
    private final AcknowledgeMessages acknowledge = pairing.useCases.acknowledgeMessages();
    private final SessionId id = pairing.openWith(ALICE, BOB).session().id();
    private final MemberId bob = pairing.memberIdOf(BOB, id);
    private final List<Signal> sent = new ArrayList<>();

    FetchAndAcknowledgeTest() {
        for (int i = 0; i < 5; i++) {
            sent.addAll(pairing.send(ALICE, id, bob));
        }
    }

    private static List<Long> sequences(MessagePage page) {
        return page.messages().stream().map(SessionMessage::sequence).toList();
    }

    private long sequenceOf(int index) {
        return sent.get(index).sequence();
    }

    @Nested
    class Fetching {
        @Test
        void returnsTheMessagesAfterTheCursorInOrderWithTheNextCursor() {
            MessagePage page = fetch.fetch(BOB, 0, 500);

            assertThat(page.messages()).containsExactlyElementsOf(sent);
            assertThat(page.cursor()).isEqualTo(sequenceOf(4));
        }

        @Test
        void pagesThroughWithTheCursor() {
            MessagePage first = fetch.fetch(BOB, 0, 2);
            MessagePage second = fetch.fetch(BOB, first.cursor(), 2);
            MessagePage third = fetch.fetch(BOB, second.cursor(), 2);

            assertThat(sequences(first)).containsExactly(sequenceOf(0), sequenceOf(1));
            assertThat(sequences(second)).containsExactly(sequenceOf(2), sequenceOf(3));
            assertThat(sequences(third)).containsExactly(sequenceOf(4));
        }

        @Test
        void keepsTheCursorWhenThereIsNothingNew() {
            MessagePage empty = fetch.fetch(BOB, sequenceOf(4), 10);

            assertThat(empty.messages()).isEmpty();
            assertThat(empty.cursor()).isEqualTo(sequenceOf(4));
        }

        @Test
        void readsOnlyTheCallersOwnMailbox() {
            assertThat(fetch.fetch(ALICE, 0, 500).messages()).noneMatch(Signal.class::isInstance);
        }

        @Test
        void refusesBadCursorsAndLimits() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> fetch.fetch(BOB, -1, 10));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> fetch.fetch(BOB, 0, 0));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> fetch.fetch(BOB, 0, 501));
        }
    }

    @Nested
    class Acknowledging {
        @Test
        void deletesUpToTheSequenceAndSaysHowMany() {
            assertThat(acknowledge.acknowledge(BOB, sequenceOf(1))).isEqualTo(2);

            assertThat(sequences(fetch.fetch(BOB, 0, 500)))
                    .containsExactly(sequenceOf(2), sequenceOf(3), sequenceOf(4));
        }

        @Test
        void neverReturnsAnAcknowledgedMessageAgain() {
            acknowledge.acknowledge(BOB, sequenceOf(4));

            assertThat(fetch.fetch(BOB, 0, 500).messages()).isEmpty();
            assertThat(acknowledge.acknowledge(BOB, sequenceOf(4))).isZero();
        }

        @Test
        void redeliversWhatWasFetchedButNotAcknowledged() {
            MessagePage before = fetch.fetch(BOB, 0, 500);
            acknowledge.acknowledge(BOB, sequenceOf(2));

            MessagePage afterReconnect = fetch.fetch(BOB, sequenceOf(1), 500);

            assertThat(before.cursor()).isEqualTo(sequenceOf(4));
            assertThat(sequences(afterReconnect)).containsExactly(sequenceOf(3), sequenceOf(4));
        }

        @Test
        void touchesOnlyTheCallersMailbox() {
            acknowledge.acknowledge(ALICE, Long.MAX_VALUE);

            assertThat(fetch.fetch(BOB, 0, 500).messages()).hasSize(5);
        }

        @Test
        void refusesANegativeSequence() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> acknowledge.acknowledge(BOB, -1));
        }
    }
}

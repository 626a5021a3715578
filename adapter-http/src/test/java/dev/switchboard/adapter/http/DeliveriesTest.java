package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveriesTest {
    private final FakeMailbox mailbox = new FakeMailbox(new ManualWatch());
    private final PollEvents pollEvents = mock(PollEvents.class);
    private final FrameBatch out = new FrameBatch(new WireJson(1024, 32));

    private Deliveries from(long after, OptionalLong eventsAfter) {
        return new Deliveries(UseCaseDoubles.ALICE, mailbox, pollEvents, after, eventsAfter);
    }

    private void deliver(int count) {
        IntStream.range(0, count).forEach(i -> mailbox.deliver(Fixtures.bobJoined()));
    }

    @Test
    void takesOnePageACollectionAndSaysWhenMoreMayBeWaiting() {
        deliver(Deliveries.PAGE + 1);
        Deliveries deliveries = from(0, OptionalLong.empty());

        assertThat(deliveries.collect(out)).isTrue();
        assertThat(out.frames()).hasSize(Deliveries.PAGE);
        assertThat(deliveries.collect(out)).isFalse();
        assertThat(out.frames()).hasSize(Deliveries.PAGE + 1);
    }

    @Test
    void readsOnFromWhereItStopped() {
        deliver(3);
        Deliveries deliveries = from(1, OptionalLong.empty());

        deliveries.collect(out);
        deliver(1);
        deliveries.collect(out);

        assertThat(mailbox.fetchedAfter()).containsExactly(1L, 3L);
        assertThat(out.frames()).hasSize(3);
    }

    @Test
    void neverMovesItsCursorBack() {
        deliver(2);
        Deliveries deliveries = from(5, OptionalLong.empty());

        deliveries.collect(out);
        deliveries.collect(out);

        assertThat(mailbox.fetchedAfter()).containsExactly(5L, 5L);
        assertThat(out.frames()).isEmpty();
    }

    @Test
    void addsOfferEventsAfterTheMessagesWhenAskedFor() {
        deliver(1);
        when(pollEvents.poll(UseCaseDoubles.ALICE, 7, Deliveries.PAGE)).thenReturn(new EventPage(
                List.of(new OfferEvent.CandidateAdded(Fixtures.candidate(8, Role.ANSWERER))), 8));

        boolean more = from(0, OptionalLong.of(7)).collect(out);

        assertThat(more).isFalse();
        assertThat(out.frames()).extracting(frame -> RunningServer.json(StandardCharsets.UTF_8.decode(frame).toString()).path("type").asText())
                .containsExactly("peer-joined", "offer-event");
    }
}

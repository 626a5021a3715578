package dev.switchboard.adapter.memory;

import static dev.switchboard.ports.testing.PeerFixtures.NOW;
import static dev.switchboard.ports.testing.PeerFixtures.aMessage;
import static dev.switchboard.ports.testing.PeerFixtures.randomAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerMessage;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SequencedMessagesTest {
    private final PeerAddress recipient = randomAddress();
    private final SequencedMessages messages = new SequencedMessages();

    @Test
    void pagesFromAnySequenceInOrderAcrossGrowthAndWrapping() {
        addSequences(1, 6);
        messages.removeUpTo(4); // the head moves on, so what follows wraps round the ring's end
        addSequences(7, 40); // grows the ring twice while wrapped

        assertThat(sequences(messages.after(0, 100))).containsExactlyElementsOf(range(5, 40));
        assertThat(sequences(messages.after(20, 5))).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(sequences(messages.after(38, 5))).containsExactly(39L, 40L);
        assertThat(messages.after(40, 5)).isEmpty();
        assertThat(messages.size()).isEqualTo(36);
    }

    @Test
    void pagesBetweenSequencesThatAreNotContiguous() {
        for (long sequence : new long[] {3, 10, 11, 40}) {
            messages.add(message(sequence));
        }

        assertThat(sequences(messages.after(4, 10))).containsExactly(10L, 11L, 40L);
        assertThat(sequences(messages.after(11, 10))).containsExactly(40L);
    }

    @Test
    void removesUpToASequenceAndSaysHowMany() {
        addSequences(1, 10);

        assertThat(messages.removeUpTo(0)).isZero();
        assertThat(messages.removeUpTo(3)).isEqualTo(3);
        assertThat(messages.removeUpTo(3)).isZero();
        assertThat(messages.removeUpTo(100)).isEqualTo(7);
        assertThat(messages.size()).isZero();
        assertThat(messages.after(0, 10)).isEmpty();
    }

    @Test
    void removesMatchingMessagesUpToALimitAndKeepsTheRestInOrder() {
        addSequences(1, 10);
        messages.removeUpTo(2);
        addSequences(11, 14);

        List<PeerMessage> removed = messages.removeIf(message -> message.sequence() % 2 == 0, 3);

        assertThat(sequences(removed)).containsExactly(4L, 6L, 8L);
        assertThat(sequences(messages.after(0, 100))).containsExactly(3L, 5L, 7L, 9L, 10L, 11L, 12L, 13L, 14L);
        addSequences(15, 16);
        assertThat(sequences(messages.after(13, 100))).containsExactly(14L, 15L, 16L);
    }

    @Test
    void refusesASequenceThatDoesNotRise() {
        messages.add(message(5));

        assertThatThrownBy(() -> messages.add(message(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messages.add(message(4))).isInstanceOf(IllegalArgumentException.class);
        assertThat(messages.size()).isEqualTo(1);
    }

    private void addSequences(long first, long last) {
        LongStream.rangeClosed(first, last).forEach(sequence -> messages.add(message(sequence)));
    }

    private PeerMessage message(long sequence) {
        return aMessage(recipient, NOW).withSequence(sequence);
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static List<Long> sequences(List<PeerMessage> page) {
        return page.stream().map(PeerMessage::sequence).toList();
    }
}

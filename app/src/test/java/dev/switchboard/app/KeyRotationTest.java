package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driving.ReencryptSecrets;
import dev.switchboard.ports.driving.ReencryptSecrets.Progress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRotationTest {
    private final List<Optional<String>> cursorsAsked = new ArrayList<>();
    private final List<Progress> reported = new ArrayList<>();

    /** Answers the given batches in order, remembering the cursor each was asked with. */
    private ReencryptSecrets answering(Progress... batches) {
        Deque<Progress> left = new ArrayDeque<>(List.of(batches));
        return (after, size) -> {
            assertThat(size).isEqualTo(KeyRotation.BATCH_SIZE);
            cursorsAsked.add(after);
            return left.removeFirst();
        };
    }

    @Test
    void followsTheCursorToTheLastBatchAndReportsEachOne() {
        KeyRotation.Outcome outcome = KeyRotation.run(answering(
                new Progress(100, 0, 0, Optional.of("hk_b")),
                new Progress(40, 0, 2, Optional.empty())), reported::add);

        assertThat(cursorsAsked).containsExactly(Optional.empty(), Optional.of("hk_b"));
        assertThat(reported).hasSize(2);
        assertThat(outcome).isEqualTo(new KeyRotation.Outcome(140, 0, 2, 1));
        assertThat(outcome.complete()).isFalse();
    }

    @Test
    void walksAgainWhileSecretsWereChangedMeanwhile() {
        KeyRotation.Outcome outcome = KeyRotation.run(answering(
                new Progress(5, 1, 0, Optional.empty()),
                new Progress(1, 0, 0, Optional.empty())), reported::add);

        assertThat(cursorsAsked).containsExactly(Optional.empty(), Optional.empty());
        assertThat(outcome).isEqualTo(new KeyRotation.Outcome(6, 0, 0, 2));
        assertThat(outcome.complete()).isTrue();
    }

    @Test
    void givesUpAfterTheLastPassWhenSecretsKeepChanging() {
        Progress busy = new Progress(0, 1, 0, Optional.empty());
        KeyRotation.Outcome outcome = KeyRotation.run(answering(busy, busy, busy, busy, busy, busy), reported::add);

        assertThat(outcome.passes()).isEqualTo(KeyRotation.MAX_PASSES);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(outcome.complete()).isFalse();
    }
}

package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecureRandomEntropyTest {
    private final SecureRandomEntropy entropy = SecureRandomEntropy.create();

    @Test
    void givesTheRequestedNumberOfFreshBytes() {
        byte[] first = entropy.nextBytes(32);
        byte[] second = entropy.nextBytes(32);

        assertThat(first).hasSize(32);
        assertThat(first).isNotEqualTo(second);
        assertThat(entropy.nextBytes(0)).isEmpty();
    }

    @Test
    void drawsEveryValueBelowTheBoundAndNoneAtOrAboveIt() {
        Set<Long> drawn = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> drawn.add(entropy.nextLong(4)));

        assertThat(drawn).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
    }

    @Test
    void refusesABoundThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> entropy.nextLong(0));
        assertThatIllegalArgumentException().isThrownBy(() -> entropy.nextBytes(-1));
    }
}

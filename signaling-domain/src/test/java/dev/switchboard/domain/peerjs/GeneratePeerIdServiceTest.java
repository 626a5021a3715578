package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.PredictableEntropy;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driving.GeneratePeerId;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.testing.SettableClock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GeneratePeerIdServiceTest {
    private final ScriptedEntropy entropy = new ScriptedEntropy();
    private final TestPeerJs peerJs = new TestPeerJs(new InMemoryStorage(), SettableClock.atFixedStart(), entropy,
            TestPeerJs.policy(5000, false, 256, 100_000));
    private final GeneratePeerId generate = peerJs.useCases.generatePeerId();

    @Test
    void drawsARandomVersion4UuidAsThePeerServerDoes() {
        Set<PeerId> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(generate.generate(KEY));
        }

        assertThat(ids).hasSize(100).allSatisfy(id -> {
            assertThat(id.value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(UUID.fromString(id.value()).version()).isEqualTo(4);
            assertThat(UUID.fromString(id.value()).variant()).isEqualTo(2);
        });
    }

    @Test
    void refusesAKeyTheServerDoesNotServe() {
        assertRefused(ErrorCode.PEER_KEY_INVALID, () -> generate.generate("unknown"));
    }

    @Test
    void drawsAgainWhenTheIdIsHeldInThatRealm() {
        entropy.repeat(1);
        PeerId held = generate.generate(KEY);
        peerJs.connect(held.value());

        entropy.repeat(1);
        PeerId next = generate.generate(KEY);

        assertThat(next).isNotEqualTo(held);
        entropy.repeat(1);
        assertThat(generate.generate(OTHER_KEY)).isEqualTo(held);
    }

    @Test
    void givesUpWhenEveryDrawIsHeld() {
        entropy.repeat(1);
        peerJs.connect(generate.generate(KEY).value());

        entropy.repeat(GeneratePeerIdService.MAX_ATTEMPTS);

        assertRefused(ErrorCode.SERVICE_UNAVAILABLE, () -> generate.generate(KEY));
    }

    /** Seeded randomness whose next draws can be made to repeat one fixed value. */
    private static final class ScriptedEntropy implements Entropy {
        private static final byte[] FIXED = new byte[16];
        private final Entropy random = new PredictableEntropy();
        private final Deque<byte[]> scripted = new ArrayDeque<>();

        static {
            Arrays.fill(FIXED, (byte) 0x5a);
        }

        void repeat(int draws) {
            for (int i = 0; i < draws; i++) {
                scripted.add(FIXED.clone());
            }
        }

        @Override
        public byte[] nextBytes(int count) {
            return scripted.isEmpty() ? random.nextBytes(count) : scripted.poll();
        }

        @Override
        public long nextLong(long bound) {
            return random.nextLong(bound);
        }
    }
}

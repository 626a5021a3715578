package dev.switchboard.domain.transfers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Transfer;
import dev.switchboard.ports.model.TransferId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessVerifiersTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final TransferId FIRST = new TransferId("AAAAAAAAAAAAAAAAAAAAAA");
    private static final TransferId SECOND = new TransferId("BBBBBBBBBBBBBBBBBBBBBB");

    private final AccessVerifiers verifiers = new AccessVerifiers(CapabilityTokensTest.KEY, 64);

    private Transfer boundTo(TransferId id, Optional<String> verifier) {
        return Transfer.created(id, new InviteCode("ABCDEFGH"), "sender", "198.51.100.1", 1, 10, 10,
                verifiers.digestForNew(id, verifier), NOW, NOW.plus(Duration.ofMinutes(1)), NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void storesAKeyedDigestNeverTheVerifier() {
        String digest = verifiers.digestForNew(FIRST, Optional.of("correct horse")).orElseThrow();

        assertThat(digest).matches("[0-9a-f]{64}").doesNotContain("correct");
    }

    @Test
    void givesEqualVerifiersOfTwoTransfersDifferentDigests() {
        assertThat(verifiers.digest(FIRST, "same")).isNotEqualTo(verifiers.digest(SECOND, "same"));
    }

    @Test
    void dependsOnTheServerKey() {
        AccessVerifiers otherServer = new AccessVerifiers(CapabilityTokensTest.key((byte) 8), 64);

        assertThat(otherServer.digest(FIRST, "same")).isNotEqualTo(verifiers.digest(FIRST, "same"));
    }

    @Test
    void opensOnlyWithTheSameVerifier() {
        Transfer bound = boundTo(FIRST, Optional.of("correct horse"));

        assertThat(verifiers.opens(bound, Optional.of("correct horse"))).isTrue();
        assertThat(verifiers.opens(bound, Optional.of("correct horsf"))).isFalse();
        assertThat(verifiers.opens(bound, Optional.empty())).isFalse();
        assertThat(verifiers.opens(bound, Optional.of("x".repeat(65)))).isFalse();
    }

    @Test
    void needsNoVerifierWhenTheTransferIsBoundToNone() {
        assertThat(verifiers.opens(boundTo(FIRST, Optional.empty()), Optional.empty())).isTrue();
    }

    @Test
    void refusesAnEmptyOrOverlongVerifierAtCreation() {
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> verifiers.digestForNew(FIRST, Optional.of("")));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> verifiers.digestForNew(FIRST, Optional.of("x".repeat(65))));
    }
}

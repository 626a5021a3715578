package dev.switchboard.ports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.SignalingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "Z9", "alice", "b2f6c1e0-3c1d-4f7a-9a8e-2f1f0c9d8e7a", "my peer", "a_b-c d",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsLettersAndDigitsJoinedBySingleSpacesHyphensOrUnderscores(String id) {
        assertThat(new PeerId(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", " a", "a ", "_a", "a-", "a  b", "a--b", "a-_b", "é", "a.b", "a/b", "a\"b",
            "a\tb", "01234567890123456789012345678901234567890123456789012345678901234"})
    void refusesAnythingElse(String id) {
        assertThatThrownBy(() -> new PeerId(id)).isInstanceOf(SignalingException.class)
                .hasMessageContaining("1-64 letters and digits");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> new PeerId(null)).isInstanceOf(SignalingException.class);
    }
}

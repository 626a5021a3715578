package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeerJsFramesTest {
    @Test
    void cutsThePayloadOutExactlyAsWritten() throws Exception {
        String payload = "{\"a\" :[1.0, 2E3, \"\\u00e9\\n\"], \"b\":{ }}";

        PeerJsFrames.Inbound frame = PeerJsFrames.parse("{\"type\":\"OFFER\",\"payload\":" + payload + ",\"dst\":\"b\"}");

        assertThat(frame.type()).isEqualTo("OFFER");
        assertThat(frame.dst()).hasValue("b");
        assertThat(frame.payload()).isEqualTo(payload);
    }

    @Test
    void readsAScalarPayloadWhole() throws Exception {
        assertThat(PeerJsFrames.parse("{\"type\":\"X\",\"payload\":\"a\\\"b\"}").payload()).isEqualTo("\"a\\\"b\"");
        assertThat(PeerJsFrames.parse("{\"type\":\"X\",\"payload\":12.50}").payload()).isEqualTo("12.50");
        assertThat(PeerJsFrames.parse("{\"type\":\"X\",\"payload\":true}").payload()).isEqualTo("true");
    }

    @Test
    void refusesDuplicateKeysTrailingContentAndDeepNesting() {
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"type\":\"A\",\"type\":\"B\"}"))
                .isInstanceOf(PeerJsFrames.Malformed.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"type\":\"A\"} {}"))
                .isInstanceOf(PeerJsFrames.Malformed.class).hasMessageContaining("nothing may follow");
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"type\":\"A\",\"payload\":" + "[".repeat(100) + "]".repeat(100)
                + "}")).isInstanceOf(PeerJsFrames.Malformed.class);
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"dst\":\"b\"}"))
                .isInstanceOf(PeerJsFrames.Malformed.class).hasMessage("a message needs a type");
    }

    @Test
    void writesARelayedMessageAndAnExpireInThePeerServersShape() {
        PeerMessage message = new PeerMessage(1, "k", new PeerId("a\u00e9".substring(0, 1)), new PeerId("b"),
                PeerMessageType.ANSWER, "{\"sdp\":\"x\"}", Instant.EPOCH);

        assertThat(PeerJsFrames.relayed(message))
                .isEqualTo("{\"type\":\"ANSWER\",\"src\":\"a\",\"dst\":\"b\",\"payload\":{\"sdp\":\"x\"}}");
        assertThat(PeerJsFrames.expire(new PeerId("b"), new PeerId("a")))
                .isEqualTo("{\"type\":\"EXPIRE\",\"src\":\"b\",\"dst\":\"a\"}");
        assertThat(PeerJsFrames.error("say \"hi\"")).isEqualTo("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"say \\\"hi\\\"\"}}");
    }
}

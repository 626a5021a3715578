package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
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
    void passesAPayloadsOwnRepeatedKeysThroughAsWritten() throws Exception {
        String payload = "{\"a\":1,\"b\":2,\"c\":{\"d\":3,\"d\":4},\"a\":5}";

        assertThat(PeerJsFrames.parse("{\"type\":\"OFFER\",\"dst\":\"b\",\"payload\":" + payload + "}").payload())
                .isEqualTo(payload);
    }

    @Test
    void readsAScalarPayloadWhole() throws Exception {
        assertThat(PeerJsFrames.parse("{\"type\":\"X\",\"payload\":\"a\\\"b\"}").payload()).isEqualTo("\"a\\\"b\"");
        assertThat(PeerJsFrames.parse("{\"type\":\"X\",\"payload\":12.50}").payload()).isEqualTo("12.50");
        assertThat(PeerJsFrames.parse("{\"type\":\"X\",\"payload\":true}").payload()).isEqualTo("true");
    }

    @Test
    void refusesARepeatedFieldTrailingContentAndDeepNesting() {
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"type\":\"A\",\"type\":\"B\"}"))
                .isInstanceOf(PeerJsFrames.Malformed.class).hasMessage("duplicate field \"type\"");
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"type\":\"A\",\"payload\":1,\"src\":\"x\",\"payload\":2}"))
                .isInstanceOf(PeerJsFrames.Malformed.class).hasMessage("duplicate field \"payload\"");
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"type\":\"A\",\"src\":\"x\",\"src\":\"y\"}"))
                .isInstanceOf(PeerJsFrames.Malformed.class).hasMessage("duplicate field \"src\"");
        assertThatThrownBy(() -> PeerJsFrames.parse("{\"type\":\"A\",\"from\":\"x\"}"))
                .isInstanceOf(PeerJsFrames.Malformed.class).hasMessage("unknown field \"from\"");
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

        assertThat(relayed(message))
                .isEqualTo("{\"type\":\"ANSWER\",\"src\":\"a\",\"dst\":\"b\",\"payload\":{\"sdp\":\"x\"}}");
        assertThat(PeerJsFrames.expire(new PeerId("b"), new PeerId("a")))
                .isEqualTo("{\"type\":\"EXPIRE\",\"src\":\"b\",\"dst\":\"a\"}");
        assertThat(PeerJsFrames.error("say \"hi\"")).isEqualTo("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"say \\\"hi\\\"\"}}");
    }

    @Test
    void writesAPayloadAsTheSenderWroteItAndLeavesOutAMissingOne() {
        PeerMessage unicode = new PeerMessage(2, "k", new PeerId("my peer"), new PeerId("b_2-c"),
                PeerMessageType.CANDIDATE, "{\"note\":\"caf\u00e9 \u2603 \\\"q\\\"\"}", Instant.EPOCH);
        PeerMessage bare = new PeerMessage(3, "k", new PeerId("a"), new PeerId("b"), PeerMessageType.LEAVE,
                PeerJsFrames.NO_PAYLOAD, Instant.EPOCH);

        assertThat(relayed(unicode)).isEqualTo("{\"type\":\"CANDIDATE\",\"src\":\"my peer\",\"dst\":\"b_2-c\","
                + "\"payload\":{\"note\":\"caf\u00e9 \u2603 \\\"q\\\"\"}}");
        assertThat(relayed(bare)).isEqualTo("{\"type\":\"LEAVE\",\"src\":\"a\",\"dst\":\"b\"}");
    }

    /** The frame as a client reads it: the buffer's bytes as UTF-8, within the size the buffer was made for. */
    private static String relayed(PeerMessage message) {
        ByteBuf out = Unpooled.buffer(PeerJsFrames.maxRelayedBytes(message), PeerJsFrames.maxRelayedBytes(message));
        try {
            PeerJsFrames.writeRelayed(message, out);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }
}

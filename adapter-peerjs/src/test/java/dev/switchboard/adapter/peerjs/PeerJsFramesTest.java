package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeerJsFramesTest {
    @Test
    void cutsThePayloadOutExactlyAsWritten() {
        String payload = "{\"a\" :[1.0, 2E3, \"\\u00e9\\n\"], \"b\":{ }}";

        PeerJsFrames.Inbound frame = inbound("{\"type\":\"OFFER\",\"payload\":" + payload + ",\"dst\":\"b\"}");

        assertThat(frame.type()).isEqualTo("OFFER");
        assertThat(frame.dst()).hasValue("b");
        assertThat(frame.payload()).isEqualTo(payload);
    }

    @Test
    void cutsThePayloadAtByteOffsetsWhenTheFrameHasMultiByteCharacters() {
        String payload = "{\"note\":\"caf\u00e9 \u2603 \ud83d\ude00\",\"n\":\"\u00e9\"}";

        PeerJsFrames.Inbound frame = inbound("{\"src\":\"\u00e9\u00e9\",\"type\":\"OFFER\",\"payload\":" + payload
                + ",\"dst\":\"b\u00e9\"}");

        assertThat(frame.payload()).isEqualTo(payload);
        assertThat(frame.dst()).hasValue("b\u00e9");
    }

    @Test
    void cutsAPayloadLongerThanTheParsersReadBufferWhole() {
        String payload = "{\"sdp\":\"" + "\u00e9x".repeat(20_000) + "\"}";

        assertThat(inbound("{\"type\":\"OFFER\",\"dst\":\"b\",\"payload\":" + payload + "}").payload())
                .isEqualTo(payload);
    }

    @Test
    void readsAFrameFromWhereTheBuffersReaderIndexIs() {
        ByteBuf bytes = Unpooled.copiedBuffer("ignored{\"type\":\"X\",\"payload\":[1]}", StandardCharsets.UTF_8);
        bytes.readerIndex("ignored".length());

        assertThat(PeerJsFrames.parse(bytes)).isEqualTo(new PeerJsFrames.Inbound("X", Optional.empty(), "[1]"));
        assertThat(bytes.isReadable()).isFalse();
    }

    @Test
    void consumesAnUnreadableFrameWhole() {
        // Refused at its first token, long before the parser has read a buffer's worth of it.
        ByteBuf bytes = Unpooled.copiedBuffer("[1]" + " ".repeat(20_000), StandardCharsets.UTF_8);

        assertThat(PeerJsFrames.parse(bytes)).isInstanceOf(PeerJsFrames.Unreadable.class);
        assertThat(bytes.isReadable()).isFalse();
    }

    @Test
    void skipsALeadingByteOrderMarkAndStillCutsThePayloadAtItsBytes() {
        String payload = "{\"n\":\"\u00e9\"}";

        assertThat(inbound("\ufeff{\"type\":\"OFFER\",\"dst\":\"b\",\"payload\":" + payload + "}").payload())
                .isEqualTo(payload);
    }

    @Test
    void passesAPayloadsOwnRepeatedKeysThroughAsWritten() {
        String payload = "{\"a\":1,\"b\":2,\"c\":{\"d\":3,\"d\":4},\"a\":5}";

        assertThat(inbound("{\"type\":\"OFFER\",\"dst\":\"b\",\"payload\":" + payload + "}").payload())
                .isEqualTo(payload);
    }

    @Test
    void readsAScalarPayloadWhole() {
        assertThat(inbound("{\"type\":\"X\",\"payload\":\"a\\\"b\"}").payload()).isEqualTo("\"a\\\"b\"");
        assertThat(inbound("{\"type\":\"X\",\"payload\":12.50}").payload()).isEqualTo("12.50");
        assertThat(inbound("{\"type\":\"X\",\"payload\":true}").payload()).isEqualTo("true");
        assertThat(inbound("{\"type\":\"X\",\"payload\":-3 }").payload()).isEqualTo("-3");
    }

    @Test
    void refusesARepeatedFieldTrailingContentAndDeepNesting() {
        assertThat(parse("{\"type\":\"A\",\"type\":\"B\"}")).isEqualTo(unreadable("duplicate field \"type\""));
        assertThat(parse("{\"type\":\"A\",\"payload\":1,\"src\":\"x\",\"payload\":2}"))
                .isEqualTo(unreadable("duplicate field \"payload\""));
        assertThat(parse("{\"type\":\"A\",\"src\":\"x\",\"src\":\"y\"}")).isEqualTo(unreadable("duplicate field \"src\""));
        assertThat(parse("{\"type\":\"A\",\"from\":\"x\"}")).isEqualTo(unreadable("unknown field \"from\""));
        assertThat(reason("{\"type\":\"A\"} {}")).contains("nothing may follow");
        assertThat(reason("{\"type\":\"A\",\"payload\":" + "[".repeat(100) + "]".repeat(100) + "}"))
                .startsWith("not valid JSON: ").contains("nesting depth");
        assertThat(parse("{\"dst\":\"b\"}")).isEqualTo(unreadable("a message needs a type"));
        assertThat(parse("[]")).isEqualTo(unreadable("a message must be a JSON object"));
        assertThat(parse("")).isEqualTo(unreadable("a message must be a JSON object"));
        assertThat(reason("{\"type\":\"A\",")).startsWith("not valid JSON: ");
    }

    @Test
    void refusesTextThatOnlyUtf16OrUtf32WouldMakeJson() {
        byte[] utf16 = "{\"type\":\"OFFER\",\"dst\":\"b\",\"payload\":1}".getBytes(StandardCharsets.UTF_16LE);

        assertThat(PeerJsFrames.parse(Unpooled.wrappedBuffer(utf16)))
                .isEqualTo(unreadable("not valid JSON: a message is JSON text in UTF-8, with no NUL byte"));
        assertThat(reason("{\"type\":\"A\u0000\"}")).startsWith("not valid JSON: ");
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

    private static PeerJsFrames.ClientFrame parse(String frame) {
        return PeerJsFrames.parse(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8));
    }

    private static PeerJsFrames.Inbound inbound(String frame) {
        return (PeerJsFrames.Inbound) parse(frame);
    }

    private static String reason(String frame) {
        return ((PeerJsFrames.Unreadable) parse(frame)).reason();
    }

    private static PeerJsFrames.Unreadable unreadable(String reason) {
        return new PeerJsFrames.Unreadable(reason);
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

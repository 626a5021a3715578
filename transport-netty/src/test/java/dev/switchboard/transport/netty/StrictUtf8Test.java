package dev.switchboard.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    @Test
    void decodesAsciiAndMultibyteText() {
        String text = "{\"sdp\":\"v=0\",\"name\":\"Zoë 🎉\"}";

        assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).contains(text);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] brokenSequence = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        byte[] loneContinuation = {'a', (byte) 0x80};
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

        assertThat(decode(brokenSequence)).isEmpty();
        assertThat(decode(loneContinuation)).isEmpty();
        assertThat(decode(surrogate)).isEmpty();
    }

    @Test
    void keepsAReplacementCharacterTheClientSentOnPurpose() {
        String text = "lost: \uFFFD";

        assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).contains(text);
    }

    @Test
    void leavesTheBufferUnread() {
        var buffer = Unpooled.wrappedBuffer("abc".getBytes(StandardCharsets.UTF_8));

        StrictUtf8.decode(buffer);

        assertThat(buffer.readableBytes()).isEqualTo(3);
    }

    private static Optional<String> decode(byte[] bytes) {
        return StrictUtf8.decode(Unpooled.wrappedBuffer(bytes));
    }
}

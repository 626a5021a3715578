package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameBatchTest {
    private final WireJson json = new WireJson(1024, 32);
    private final FrameBatch batch = new FrameBatch(json);

    private static String text(ByteBuffer frame) {
        return StandardCharsets.UTF_8.decode(frame.duplicate()).toString();
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    @Test
    void encodesEveryFrameExactlyAsItsOwnDocument() {
        List<Object> frames = List.of(
                new ServerFrame.Welcome("key-1", 7, null, WebSocketSettings.defaults()),
                MessageJson.from(Fixtures.signalToAlice("offer", "{\"sdp\":\"v=0 ü \\\"quoted\\\"\",\"n\":[1,2.5,null]}")),
                new ServerFrame.Sent("ref-1", List.of(41L, 42L)),
                new ServerFrame.Sent(null, List.of()),
                MessageJson.from(Fixtures.bobJoined()),
                new ServerFrame.Error("r", new Reply.Problem(ErrorCode.MALFORMED_REQUEST, "type: missing \u2028",
                        Optional.empty(), false)));

        frames.forEach(batch::add);

        assertThat(batch.frames()).extracting(FrameBatchTest::text)
                .containsExactlyElementsOf(frames.stream().map(frame -> text(json.write(frame))).toList());
    }

    @Test
    void keepsEarlierFramesWhenMoreAreAddedAfterReadingThem() {
        batch.add(new ServerFrame.Sent("first", List.of(1L)));
        List<ByteBuffer> before = batch.frames();
        for (int i = 0; i < 200; i++) {
            batch.add(new ServerFrame.Sent("more-" + i, List.of((long) i)));
        }

        assertThat(before).extracting(FrameBatchTest::text).containsExactly("{\"type\":\"sent\",\"ref\":\"first\",\"sequences\":[1]}");
        List<ByteBuffer> after = batch.frames();
        assertThat(after).hasSize(201);
        assertThat(text(after.get(0))).isEqualTo(text(before.get(0)));
        assertThat(text(after.get(200))).isEqualTo("{\"type\":\"sent\",\"ref\":\"more-199\",\"sequences\":[199]}");
    }

    @Test
    void leavesNothingOfAFrameThatCannotBeWritten() {
        batch.add(new ServerFrame.Sent("ok", List.of(1L)));

        assertThatThrownBy(() -> batch.add(new Unserialisable())).isInstanceOf(IllegalStateException.class);
        batch.add(new ServerFrame.Sent("next", List.of(2L)));

        assertThat(batch.frames()).extracting(FrameBatchTest::text).containsExactly(
                "{\"type\":\"sent\",\"ref\":\"ok\",\"sequences\":[1]}",
                "{\"type\":\"sent\",\"ref\":\"next\",\"sequences\":[2]}");
    }

    @Test
    void isEmptyUntilAFrameIsAdded() {
        assertThat(batch.frames()).isEmpty();
    }

    /** Fails half-way through, after its opening brace and first field are written. */
    record Unserialisable(String first, Object broken) {
        Unserialisable() {
            this("written", new Object());
        }
    }
}

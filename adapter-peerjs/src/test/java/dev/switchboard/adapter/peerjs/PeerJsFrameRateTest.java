package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each socket may send so many frames a second, HEARTBEATs included; a flood closes that socket only. */
class PeerJsFrameRateTest {
    private static final String HEARTBEAT = "{\"type\":\"HEARTBEAT\"}";

    @RegisterExtension
    final RunningPeerJs running = new RunningPeerJs();

    @BeforeEach
    void start() {
        running.start(RunningPeerJs.settings().withFrameRate(5, 20));
    }

    @Test
    void closesAFloodingSocketWithAnErrorAndKeepsEveryOtherSocketRelaying() throws Exception {
        try (PeerClient flooder = PeerClient.open(running.port(), "flooder");
                PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            // The server may close the socket before the flood ends; what matters is what it says when it does.
            IntStream.range(0, 40).forEach(n -> flooder.trySend(HEARTBEAT));

            assertThat(flooder.next()).startsWith("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"rate limit exceeded:")
                    .contains("at most 5 messages a second (bursts of 20)");
            assertThat(flooder.closeCode()).isEqualTo(1008);

            alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{\"n\":1}}");
            assertThat(bob.next())
                    .isEqualTo("{\"type\":\"OFFER\",\"src\":\"alice\",\"dst\":\"bob\",\"payload\":{\"n\":1}}");
            assertThat(alice.isClosed()).isFalse();
            assertThat(bob.isClosed()).isFalse();
        }
    }

    @Test
    void letsASocketWithinItsRateSendForever() throws Exception {
        try (PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            for (int n = 0; n < 30; n++) {
                alice.send("{\"type\":\"CANDIDATE\",\"dst\":\"bob\",\"payload\":" + n + "}");
                Thread.sleep(250); // 4 a second, under the 5 allowed
            }

            List<String> received = IntStream.range(0, 30).mapToObj(n -> bob.next()).toList();
            assertThat(received).last().asString().contains("\"payload\":29");
            assertThat(alice.drain(Duration.ofMillis(100))).isEmpty();
            assertThat(alice.isClosed()).isFalse();
        }
    }
}

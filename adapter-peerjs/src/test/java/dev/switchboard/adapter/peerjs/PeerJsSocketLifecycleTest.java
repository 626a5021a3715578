package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeerJsSocketLifecycleTest {
    @RegisterExtension
    final RunningPeerJs running = new RunningPeerJs(useCasesBlock());

    /** Whether the server runs use cases on worker threads; a subclass runs the same tests on the network threads. */
    boolean useCasesBlock() {
        return true;
    }

    @Nested
    class WhenThePeerReconnects {
        @Test
        void closesTheOldSocketAndKeepsTheNewOne() {
            running.start();
            try (PeerClient old = PeerClient.open(running.port(), "alice", "secret");
                    PeerClient fresh = PeerClient.open(running.port(), "alice", "secret");
                    PeerClient bob = PeerClient.open(running.port(), "bob")) {
                assertThat(old.closeCode()).isEqualTo(1000);

                bob.send("{\"type\":\"OFFER\",\"dst\":\"alice\",\"payload\":{}}");
                assertThat(fresh.next()).contains("\"src\":\"bob\"");
                assertThat(running.peerJs.holds("alice")).as("the old socket's close does not free the id").isTrue();
            }
        }

        @Test
        void closesTheOldSocketWhenTheReconnectLandedOnAnotherInstance() {
            running.start();
            try (PeerClient old = PeerClient.open(running.port(), "alice")) {
                running.peerJs.reconnectElsewhere("alice");

                assertThat(old.closeCode()).isEqualTo(1000);
                await().atMost(Duration.ofSeconds(3)).until(() -> running.peerJs.disconnected.size() == 1);
            }
        }
    }

    @Nested
    class WhenTheSocketCloses {
        @Test
        void closesWith1007AMessageThatIsNotUtf8() {
            running.start();
            try (RawWebSocket raw = RawWebSocket.open(running.port(), "key=peerjs&id=alice&token=t")) {
                assertThat(new String(raw.read().payload(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(PeerJsFrames.OPEN);
                raw.sendText(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});

                RawWebSocket.Frame close = raw.readUntilClose();

                assertThat(close.closeCode()).isEqualTo(1007);
            }
            await().atMost(Duration.ofSeconds(3)).until(() -> !running.peerJs.holds("alice"));
        }

        @Test
        void disconnectsThePeer() {
            running.start();
            PeerClient alice = PeerClient.open(running.port(), "alice");

            alice.close();

            await().atMost(Duration.ofSeconds(3)).until(() -> !running.peerJs.holds("alice"));
            assertThat(running.peerJs.disconnected).singleElement()
                    .satisfies(session -> assertThat(session.peer().id().value()).isEqualTo("alice"));
        }
    }

    @Nested
    class Liveness {
        private PeerJsServer startPinging() {
            PeerJsSettings base = RunningPeerJs.settings();
            return running.start(new PeerJsSettings(base.host(), 0, base.path(), List.of(), base.maxFrameBytes(),
                    Duration.ofMillis(200), 1, 4, base.shutdownGrace()));
        }

        @Test
        void countsPongsToTheServersPingsAsLife() {
            startPinging();
            try (PeerClient alice = PeerClient.open(running.port(), "alice")) {
                int before = running.peerJs.keepAlives.get();

                // The JDK client answers pings by itself and sends nothing else.
                await().atMost(Duration.ofSeconds(4)).until(() -> running.peerJs.keepAlives.get() >= before + 2);
                assertThat(alice.isClosed()).isFalse();
            }
        }

        @Test
        void closesASocketThatAnswersNoPingAndLetsThePeerGo() {
            startPinging();
            try (RawWebSocket silent = RawWebSocket.open(running.port(), "key=peerjs&id=alice&token=t")) {
                assertThat(new String(silent.read().payload(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(PeerJsFrames.OPEN);

                RawWebSocket.Frame close = silent.readUntilClose();

                assertThat(close.closeCode()).isEqualTo(1001);
                assertThat(close.closeReason()).isEqualTo("idle timeout");
                await().atMost(Duration.ofSeconds(8)).until(() -> !running.peerJs.holds("alice"));
            }
        }

        @Test
        void closesASocketWhoseLivenessFails() {
            startPinging();
            try (PeerClient alice = PeerClient.open(running.port(), "alice")) {
                running.peerJs.alive = false;

                assertThat(alice.closeCode()).isEqualTo(1000);
            }
        }
    }

    @Nested
    class OnShutdown {
        @Test
        void tellsEverySocketTheServerIsGoingAway() {
            PeerJsServer server = running.start();
            try (PeerClient alice = PeerClient.open(running.port(), "alice");
                    PeerClient bob = PeerClient.open(running.port(), "bob")) {
                long started = System.nanoTime();
                server.close();

                assertThat(alice.closeCode()).isEqualTo(1001);
                assertThat(bob.closeCode()).isEqualTo(1001);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
                assertThat(server.openSockets()).isZero();
            }
        }
    }
}

package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebSocketHeartbeatTest {
    private static final String ALICE = "ticket=" + UseCaseDoubles.ALICE_TICKET;

    private static RunningServer serverWith(WebSocketSettings webSocket) {
        return RunningServer.start(RunningServer.settings().withWebSocket(webSocket));
    }

    private static int keepAlives(RunningServer running) {
        return mockingDetails(running.doubles.keepAlive).getInvocations().size();
    }

    @Nested
    class WithQuickPings {
        /** Pings every 100 ms, idle after 500 ms, keep-alive at most every 200 ms. */
        private final RunningServer running = serverWith(new WebSocketSettings(Duration.ofMillis(100),
                Duration.ofMillis(500), Duration.ofMillis(200), 4096, 1000, 1000, 3, 4));

        @AfterEach
        void stop() {
            running.close();
        }

        @Test
        void closesAClientThatNeitherSendsNorAnswersPingsWith1001() {
            try (RawWebSocket silent = RawWebSocket.open(running.port(), ALICE)) {
                long opened = System.nanoTime();

                RawWebSocket.Frame close = silent.readUntilClose();

                assertThat(close.closeCode()).isEqualTo(1001);
                assertThat(close.closeReason()).isEqualTo("idle timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
            }
        }

        @Test
        void pingsASilentClient() {
            try (RawWebSocket silent = RawWebSocket.open(running.port(), ALICE)) {
                assertThat(silent.read().opcode()).isEqualTo(RawWebSocket.Frame.TEXT);

                assertThat(silent.read().opcode()).isEqualTo(RawWebSocket.Frame.PING);
            }
        }

        @Test
        void keepsAClientThatAnswersPingsOpenAndCountsItsPongsAsPresence() {
            try (SocketClient client = SocketClient.connect(running, "")) {
                client.next();

                await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2)).until(() -> !client.isClosed());

                assertThat(keepAlives(running)).isPositive();
            }
        }
    }

    @Nested
    class WithAKeepAliveIntervalOfASecond {
        private final RunningServer running = RunningServer.start();

        @AfterEach
        void stop() {
            running.close();
        }

        @Test
        void refreshesPresenceAtMostOncePerIntervalHoweverChattyTheClientIs() throws InterruptedException {
            try (SocketClient client = SocketClient.connect(running, "")) {
                client.next();
                for (int i = 0; i < 5; i++) {
                    client.send("{\"type\":\"ack\",\"upTo\":" + i + "}");
                }
                await().atMost(Duration.ofSeconds(3)).until(() -> running.doubles.mailbox.acknowledgedUpTo().size() == 5);
                verify(running.doubles.keepAlive, never()).keepAlive(UseCaseDoubles.ALICE);

                Thread.sleep(RunningServer.webSocketSettings().keepAliveInterval().toMillis() + 100);
                for (int i = 0; i < 5; i++) {
                    client.send("{\"type\":\"ack\",\"upTo\":" + i + "}");
                }

                await().atMost(Duration.ofSeconds(3)).until(() -> keepAlives(running) == 1);
                await().during(Duration.ofMillis(300)).until(() -> keepAlives(running) == 1);
                verify(running.doubles.keepAlive, times(1)).keepAlive(UseCaseDoubles.ALICE);
            }
        }
    }

    @Nested
    class WithARateOfOneFrameASecondAndBurstsOfThree {
        private final RunningServer running = serverWith(new WebSocketSettings(Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(1), 4096, 1, 3, 3, 4));

        @AfterEach
        void stop() {
            running.close();
        }

        @Test
        void closesAClientThatSendsFasterWith1008() {
            try (SocketClient client = SocketClient.connect(running, "")) {
                client.next();
                for (int i = 1; i <= 4; i++) {
                    client.send("{\"type\":\"ack\",\"upTo\":" + i + "}");
                }

                assertThat(client.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "rate limit"));
                assertThat(running.doubles.mailbox.acknowledgedUpTo()).as("the frame over the limit").doesNotContain(4L);
            }
        }
    }

    @Test
    void closesEverySocketWith1001WhenTheServerShutsDown() {
        RunningServer running = RunningServer.start();
        SocketClient client = SocketClient.connect(running, "");
        client.next();

        running.close();

        assertThat(client.awaitClose()).isEqualTo(new SocketClient.Closed(1001, "server shutting down"));
    }
}

package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Many sockets at once, each pinged before it ends: the server lets go of every socket its client ends,
 * however it ends it (its count of open sockets falls only once a socket's channel has closed), and stops
 * quietly when clients ignore its close.
 */
class WebSocketReleaseTest {
    private static final int SOCKETS = 300;
    /** Short, so that every socket has been pinged and has answered before the clients go. */
    private static final Duration PING_INTERVAL = Duration.ofMillis(100);
    private static final String ALICE = "ticket=" + UseCaseDoubles.ALICE_TICKET;

    /** The test defaults, but room for every socket from the one loopback address. */
    private static RunningServer manySocketsServer() {
        WebSocketSettings defaults = RunningServer.webSocketSettings();
        return RunningServer.start(RunningServer.settings().withWebSocket(new WebSocketSettings(PING_INTERVAL,
                defaults.idleTimeout(), defaults.keepAliveInterval(), defaults.maxFrameBytes(),
                defaults.framesPerSecond(), defaults.frameBurst(), defaults.maxMalformedFrames(), SOCKETS * 2)));
    }

    private static List<SocketClient> openClients(RunningServer running) {
        List<CompletableFuture<SocketClient>> opening = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            opening.add(SocketClient.open(running, ALICE));
        }
        List<SocketClient> clients = new ArrayList<>();
        for (CompletableFuture<SocketClient> client : opening) {
            clients.add(client.orTimeout(20, TimeUnit.SECONDS).join());
        }
        clients.forEach(SocketClient::next);
        return clients;
    }

    private static void awaitAllOpen(RunningServer running) {
        await().atMost(Duration.ofSeconds(10)).until(() -> running.server.openSockets() == SOCKETS);
    }

    private static void pause(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }

    @Nested
    class WhenTheClientsGo {
        private final RunningServer running = manySocketsServer();

        @AfterEach
        void stop() {
            running.close();
        }

        @Test
        void answersEveryCloseFrameAndReleasesEverySocket() {
            List<SocketClient> clients = openClients(running);
            awaitAllOpen(running);
            pause(PING_INTERVAL.multipliedBy(5));

            clients.forEach(SocketClient::close);

            for (SocketClient client : clients) {
                assertThat(client.awaitClose().code()).isEqualTo(1000);
            }
            await().atMost(Duration.ofSeconds(3)).until(() -> running.server.openSockets() == 0);
        }

        @Test
        void releasesEverySocketWhoseConnectionDropsWithoutACloseFrame() {
            List<RawWebSocket> clients = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                clients.add(RawWebSocket.open(running.port(), ALICE));
            }
            awaitAllOpen(running);

            clients.forEach(RawWebSocket::close);

            await().atMost(Duration.ofSeconds(3)).until(() -> running.server.openSockets() == 0);
        }
    }

    @Nested
    class WhenTheServerStops {
        @Test
        void stopsWithManySocketsThatIgnoreTheCloseWithoutLoggingAnError() {
            RunningServer running = manySocketsServer();
            List<RawWebSocket> deaf = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                deaf.add(RawWebSocket.open(running.port(), ALICE));
            }
            awaitAllOpen(running);

            try (CapturedLogs netty = CapturedLogs.of("io.netty")) {
                running.close();

                assertThat(netty.events()).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
            } finally {
                deaf.forEach(RawWebSocket::close);
            }
        }
    }
}

package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class SwitchboardTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static SwitchboardConfig onAFreePort(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("SWITCHBOARD_HTTP_HOST", "127.0.0.1");
        settings.putIfAbsent("SWITCHBOARD_HTTP_PORT", "0");
        settings.putIfAbsent("SWITCHBOARD_PEERJS_PORT", "0");
        return SwitchboardConfig.from(settings, new Properties());
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class WhenStarted {
        private final Switchboard switchboard = Switchboard.start(onAFreePort(Map.of()));

        @AfterEach
        void stop() {
            switchboard.close();
        }

        @Test
        void servesOnThePortItReports() throws Exception {
            HttpResponse<String> health = get(switchboard.httpPort(), "/health");

            assertThat(switchboard.httpPort()).isPositive();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"store\":\"memory\"");
        }

        @Test
        void servesThePeerJsEndpointOnThePortItReportsAndReleasesItWhenClosed() throws Exception {
            int port = switchboard.peerJsPort().orElseThrow();

            assertThat(get(port, "/").body()).contains("\"name\":\"PeerJS Server\"");
            switchboard.close();
            assertThatThrownBy(() -> get(port, "/")).isInstanceOf(ConnectException.class);
        }

        @Test
        void releasesThePortWhenClosed() {
            int port = switchboard.httpPort();

            switchboard.close();

            assertThatThrownBy(() -> get(port, "/health")).isInstanceOf(ConnectException.class);
        }

        @Test
        void ignoresASecondClose() {
            switchboard.close();
            switchboard.close();
        }
    }

    @Nested
    class WhenNoKeysAreConfigured {
        private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
        private final Logger coreLog = (Logger) LoggerFactory.getLogger(CoreModule.class);

        @AfterEach
        void detach() {
            coreLog.detachAppender(logged);
        }

        @Test
        void sealsWithAKeyForThisRunOnlyAndWarnsThatCredentialsWillNotSurviveARestart() throws Exception {
            logged.start();
            coreLog.addAppender(logged);

            try (Switchboard switchboard = Switchboard.start(onAFreePort(Map.of()))) {
                HttpResponse<String> issued = CLIENT.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + switchboard.httpPort() + "/v1/credentials"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(issued.statusCode()).isEqualTo(201);
            }

            assertThat(logged.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("will not survive a restart");
            });
        }

        @Test
        void signsInvitesWithAKeyForThisRunOnlyAndWarnsThatTheyDieWithTheProcess() {
            logged.start();
            coreLog.addAppender(logged);

            try (Switchboard switchboard = Switchboard.start(onAFreePort(Map.of()))) {
                assertThat(switchboard.httpPort()).isPositive();
            }

            assertThat(logged.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("SWITCHBOARD_SIGNING_KEY")
                        .contains("invite tokens, connection tickets and transfer tokens");
            });
        }

        @Test
        void staysQuietAboutKeysWhenBothAreConfigured() {
            logged.start();
            coreLog.addAppender(logged);

            String key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
            try (Switchboard switchboard = Switchboard.start(onAFreePort(
                    Map.of("SWITCHBOARD_MASTER_KEY", key, "SWITCHBOARD_SIGNING_KEY", key)))) {
                assertThat(switchboard.httpPort()).isPositive();
                assertThat(logged.list).isEmpty();
            }
        }
    }

    @Nested
    class WhenThePeerJsEndpointIsOff {
        @Test
        void opensNoPeerJsPort() {
            SwitchboardConfig off = onAFreePort(Map.of("SWITCHBOARD_PEERJS_ENABLED", "false"));
            try (Switchboard switchboard = Switchboard.start(off)) {
                assertThat(switchboard.peerJsPort()).isEmpty();
                assertThat(Thread.getAllStackTraces().keySet())
                        .noneMatch(thread -> thread.getName().equals("switchboard-peerjs-expiry"));
            }
        }
    }

    @Nested
    class WhenThePortIsTaken {
        @Test
        void failsToStartAndLeavesNothingRunning() throws Exception {
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                SwitchboardConfig config = onAFreePort(
                        Map.of("SWITCHBOARD_HTTP_PORT", String.valueOf(taken.getLocalPort())));

                assertThatThrownBy(() -> Switchboard.start(config)).isInstanceOf(RuntimeException.class);
            }
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(thread -> thread.getName().equals("switchboard-sweeper"));
        }
    }

    @Nested
    class WhenPostgresDoesNotAnswer {
        private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

        @ParameterizedTest(name = "migrating on start: {0}")
        @ValueSource(strings = {"true", "false"})
        void failsToStartNamingTheUrlButNeverThePasswordAndServesNothing(String migrateOnStart) throws Exception {
            int closedPort = freePort();
            int httpPort = freePort();
            SwitchboardConfig config = onAFreePort(Map.of(
                    "SWITCHBOARD_HTTP_PORT", String.valueOf(httpPort),
                    "SWITCHBOARD_STORE", "postgres",
                    "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/sb?password=hunter2",
                    "SWITCHBOARD_DATABASE_PASSWORD", "hunter2",
                    "SWITCHBOARD_DATABASE_CONNECT_TIMEOUT_SECONDS", "1",
                    "SWITCHBOARD_MIGRATE_ON_START", migrateOnStart,
                    "SWITCHBOARD_MASTER_KEY", KEY,
                    "SWITCHBOARD_SIGNING_KEY", KEY));

            assertThatThrownBy(() -> Switchboard.start(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort
                            + "/sb?password=*** does not answer")
                    .hasMessageNotContaining("hunter2");
            assertThatThrownBy(() -> get(httpPort, "/health")).isInstanceOf(ConnectException.class);
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .doesNotContain("switchboard-sweeper", "switchboard-postgres-listener");
        }

        private static int freePort() throws IOException {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return probe.getLocalPort();
            }
        }
    }
}

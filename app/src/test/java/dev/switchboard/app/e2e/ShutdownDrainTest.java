package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The drain before the graceful stop, on the jar's own process: after SIGTERM the server reports not ready for
 * {@code SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS} while serving everything else as usual, so that a balancer
 * polling readiness moves traffic away before any request is refused.
 */
class ShutdownDrainTest {
    private static final int GRACE_SECONDS = 5;

    private static LauncherProcess start(int drainSeconds) {
        return LauncherProcess.start(Map.of(
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_PEERJS_PORT", "0",
                "SWITCHBOARD_HTTP_SHUTDOWN_GRACE_SECONDS", String.valueOf(GRACE_SECONDS),
                "SWITCHBOARD_HTTP_SHUTDOWN_DRAIN_SECONDS", String.valueOf(drainSeconds)));
    }

    private static int peerJsPort(LauncherProcess server) {
        Matcher port = Pattern.compile("PeerJS endpoint listening on [^ ]+:(\\d+)").matcher(server.output());
        assertThat(port.find()).as(server.output()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    @Test
    void reportsNotReadyButServesSignedCallsAndPeerJsUntilTheDrainEndsThenStops() {
        int drainSeconds = 6;
        try (LauncherProcess server = start(drainSeconds)) {
            Api api = new Api(server.httpPort());
            Peer peer = api.newHmacPeer();
            assertThat(api.get("/health/ready").status()).isEqualTo(200);

            long stopAsked = System.nanoTime();
            server.signalStop();
            server.awaitOutput("Switchboard draining for " + drainSeconds + " s");

            ApiResponse ready = api.get("/health/ready");
            ApiResponse live = api.get("/health/live");
            ApiResponse events = peer.get("/v1/events?after=0&wait=0");
            Peer newcomer = api.newHmacPeer();
            ApiResponse published = newcomer.post("/v1/offers",
                    Map.of("service", "chat:1.0", "offers", List.of(Map.of("sdp", TestData.sdp("offer-0")))));
            try (PeerJsClient peerJs = PeerJsClient.open(peerJsPort(server), "/", PeerJsClient.newId("late"))) {
                assertThat(peerJs.id()).isNotBlank();
            }
            Duration servedWithin = Duration.ofNanos(System.nanoTime() - stopAsked);
            int status = server.awaitExit();
            Duration stoppedWithin = Duration.ofNanos(System.nanoTime() - stopAsked);

            assertThat(servedWithin).as("the checks ran during the drain").isLessThan(Duration.ofSeconds(drainSeconds));
            assertThat(ready.status()).as("%s", ready).isEqualTo(503);
            assertThat(ready.json().path("status").asText()).isEqualTo("not_ready");
            assertThat(live.status()).as("%s", live).isEqualTo(200);
            assertThat(events.status()).as("%s", events).isEqualTo(200);
            assertThat(published.status()).as("%s", published).isEqualTo(201);
            // A SIGTERM'd JVM exits 128 + 15 once its shutdown hook has stopped everything.
            assertThat(status).as(server.output()).isEqualTo(143);
            assertThat(stoppedWithin).isBetween(Duration.ofSeconds(drainSeconds),
                    Duration.ofSeconds(drainSeconds + GRACE_SECONDS));
            assertThat(server.output()).containsSubsequence("Switchboard draining", "Switchboard stopping",
                    "Stopping the HTTP server", "Switchboard stopped");
        }
    }

    @Test
    void stopsWithoutWaitingOutTheDrainWhenToldToStopAgain() {
        int drainSeconds = 120;
        try (LauncherProcess server = start(drainSeconds)) {
            Api api = new Api(server.httpPort());

            long stopAsked = System.nanoTime();
            server.signalStop();
            server.awaitOutput("Switchboard draining for " + drainSeconds + " s");
            assertThat(api.get("/health/ready").status()).isEqualTo(503);
            server.signalStop();
            int status = server.awaitExit();

            assertThat(status).as(server.output()).isEqualTo(143);
            assertThat(Duration.ofNanos(System.nanoTime() - stopAsked)).isLessThan(Duration.ofSeconds(GRACE_SECONDS + 10));
            assertThat(server.output()).containsSubsequence("Switchboard draining", "Switchboard stopped");
        }
    }

    @Test
    void stopsAtOnceWithoutADrain() {
        try (LauncherProcess server = start(0)) {
            server.httpPort();

            assertThat(server.terminate()).as(server.output()).isEqualTo(143);
            assertThat(server.output()).contains("Switchboard stopped").doesNotContain("draining");
        }
    }
}

package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PeerJsClient.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.StoreKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * Liveness with a 2 s alive timeout, on every store: a peer that keeps talking (frames, {@code HEARTBEAT}, or
 * answers to the server's pings) keeps its id however long it stays; one whose connection goes silent loses it
 * after about the alive timeout, so that the id can be taken again, rather than squatting it forever.
 */
@OnEveryStore
class PeerJsLivenessTest {
    private static final Duration ALIVE_TIMEOUT = Duration.ofSeconds(2);

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_PEERJS_ALIVE_TIMEOUT", String.valueOf(ALIVE_TIMEOUT.toMillis()),
            "SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "1"));

    @Test
    void aPeerThatKeepsSendingHeartbeatsKeepsItsIdPastSeveralAliveTimeouts() throws InterruptedException {
        int port = SWITCHBOARD.peerJsPort();
        try (PeerJsClient alice = PeerJsClient.open(port, "/", PeerJsClient.newId("alice"));
                PeerJsClient bob = PeerJsClient.open(port, "/", PeerJsClient.newId("bob"))) {
            long until = System.nanoTime() + ALIVE_TIMEOUT.multipliedBy(3).toNanos();
            while (System.nanoTime() < until) {
                alice.heartbeat();
                bob.heartbeat();
                Thread.sleep(300);
            }

            bob.send("OFFER", alice.id(), Map.of("still", "here"));
            assertThat(alice.awaitType("OFFER").path("src").asText()).isEqualTo(bob.id());
            try (PeerJsClient squatter = PeerJsClient.connect(port, "/", "peerjs", alice.id(),
                    PeerJsClient.newToken())) {
                assertThat(squatter.awaitFrame(ofType("OPEN").or(ofType("ID-TAKEN"))).path("type").asText())
                        .isEqualTo("ID-TAKEN");
            }
            assertThat(alice.isClosed()).isFalse();
        }
    }

    @Test
    void aPeerWhoseConnectionWentSilentLosesItsIdAfterTheAliveTimeout() {
        int port = SWITCHBOARD.peerJsPort();
        String id = PeerJsClient.newId("sleeper");
        try (FreezableLink link = FreezableLink.to(port);
                PeerJsClient sleeper = PeerJsClient.open(link.port(), "/", id)) {
            link.freeze();

            await().atMost(ALIVE_TIMEOUT.multipliedBy(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                try (PeerJsClient next = PeerJsClient.connect(port, "/", "peerjs", id, PeerJsClient.newToken())) {
                    assertThat(next.awaitFrame(ofType("OPEN").or(ofType("ID-TAKEN"))).path("type").asText())
                            .isEqualTo("OPEN");
                }
            });
            assertThat(sleeper.frames()).extracting(frame -> frame.path("type").asText()).containsExactly("OPEN");
        }
    }
}

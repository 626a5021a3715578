package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The security suite's shutdown: what is in flight when the server is told to stop (as SIGTERM does, through
 * {@code Switchboard.close()}) completes, and WebSocket clients are told to go elsewhere with 1001.
 */
class GracefulShutdownTest {

    @Test
    void answersALongPollInFlightAtOnceRatherThanCuttingItOrWaitingItOut() throws Exception {
        StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of());
        CompletableFuture<ApiResponse> poll;
        try {
            Peer peer = switchboard.api().newHmacPeer();
            poll = peer.call("GET", "/v1/events?after=0&wait=25").sendAsync();
            // Long enough for the poll to be parked, waiting for events.
            Thread.sleep(500);
            assertThat(poll).isNotDone();
        } finally {
            CompletableFuture.runAsync(switchboard::close);
        }

        // Well before its 25 s wait would end: shutdown answers it, with an empty page the client polls again on.
        ApiResponse answered = poll.get(10, TimeUnit.SECONDS);

        assertThat(answered.status()).as("%s", answered).isEqualTo(200);
        assertThat(answered.json().path("events").isEmpty()).as("%s", answered).isTrue();
    }

    @Test
    void closesEveryWebSocketWithGoingAway() {
        StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of());
        SocketClient host;
        SocketClient guest;
        try {
            Api api = switchboard.api();
            OpenedSession session = OpenedSession.open(api.newHmacPeer(), 2);
            Member joined = session.joinByCode(api.newEd25519Peer());
            host = session.host().connect(api, 0);
            guest = joined.connect(api, 0);
        } finally {
            switchboard.close();
        }

        try (host; guest) {
            assertThat(host.awaitClose()).isEqualTo(1001);
            assertThat(guest.awaitClose()).isEqualTo(1001);
        }
    }

    @Test
    void refusesNewConnectionsOnceStopped() {
        StartedSwitchboard switchboard = StartedSwitchboard.start(Map.of());
        Api api = switchboard.api();
        assertThat(api.get("/health/ready").status()).isEqualTo(200);

        switchboard.close();

        assertThatThrownBy(() -> api.get("/health/ready")).isInstanceOf(UncheckedIOException.class);
    }
}

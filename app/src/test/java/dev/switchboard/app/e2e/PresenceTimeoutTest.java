package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PairingFlowTest.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** A member that goes silent is removed, and the others are told it timed out, on every store. */
@OnEveryStore
class PresenceTimeoutTest {

    @Parameter
    StoreKind store;

    /** A short presence timeout, swept every second; sockets refresh presence well inside it. */
    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_PRESENCE_TIMEOUT_SECONDS", "3",
            "SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "1",
            "SWITCHBOARD_WS_PING_INTERVAL_SECONDS", "1",
            "SWITCHBOARD_WS_KEEP_ALIVE_INTERVAL_SECONDS", "1",
            "SWITCHBOARD_WS_IDLE_TIMEOUT_SECONDS", "10"));

    @Test
    void removesASilentLongPollingMemberAndTellsTheOthersItTimedOut() {
        Api api = SWITCHBOARD.api();
        OpenedSession session = OpenedSession.open(api.newHmacPeer(), 2);
        Member bob = session.joinByCode(api.newHmacPeer());
        // Bob fetches once, then falls silent; the host stays present through its socket.
        assertThat(bob.peer().get("/v1/messages?after=0").status()).isEqualTo(200);

        try (SocketClient host = session.host().connect(api, 0)) {
            JsonNode left = host.awaitFrame(ofType("peer-left"));

            assertThat(left.path("member").asText()).isEqualTo(bob.memberId());
            assertThat(left.path("reason").asText()).isEqualTo("timed-out");
            ApiResponse shown = session.host().peer().get("/v1/sessions/" + session.id());
            assertThat(shown.json().path("members").findValuesAsText("id"))
                    .containsExactly(session.host().memberId());
        }
    }
}

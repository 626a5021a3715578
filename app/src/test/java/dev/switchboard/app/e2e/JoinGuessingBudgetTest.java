package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** A client address that keeps guessing invite codes is refused, even the right code, on every store. */
@OnEveryStore
class JoinGuessingBudgetTest {
    private static final int BUDGET = 3;

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_JOIN_FAILURE_BUDGET", String.valueOf(BUDGET),
            "SWITCHBOARD_JOIN_FAILURE_WINDOW_SECONDS", "600"));

    @Test
    void refusesEveryJoinFromTheAddressOnceItsFailuresAreSpent() {
        Api api = SWITCHBOARD.api();
        OpenedSession session = OpenedSession.open(api.newHmacPeer(), 2);
        Peer guesser = api.newHmacPeer();

        // Every test client shares 127.0.0.1, and a database keeps its counts across runs in the same window:
        // count the misses until the refusal rather than assume a fresh budget.
        int misses = 0;
        ApiResponse answer = guesser.post("/v1/sessions/join", Map.of("code", "ZZZZ2345"));
        while (answer.status() == 404 && misses <= BUDGET) {
            misses++;
            answer = guesser.post("/v1/sessions/join", Map.of("code", "ZZZZ2345"));
        }

        assertThat(answer.status()).as("%s", answer).isEqualTo(429);
        assertThat(answer.code()).isEqualTo("rate_limited");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(misses).isLessThanOrEqualTo(BUDGET);
        if (store == StoreKind.MEMORY) {
            assertThat(misses).as("a fresh memory store counts from zero").isEqualTo(BUDGET);
        }
        ApiResponse rightCode = guesser.post("/v1/sessions/join", Map.of("code", session.inviteCode()));
        assertThat(rightCode.status()).as("%s", rightCode).isEqualTo(429);
        assertThat(rightCode.code()).isEqualTo("rate_limited");
    }
}

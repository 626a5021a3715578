package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** A client address that keeps guessing transfer codes is refused, even the right code, on every store. */
@OnEveryStore
class RelayGuessingBudgetTest {
    private static final int BUDGET = 3;

    @Parameter
    StoreKind store;

    /** Its own schema: every test client calls from 127.0.0.1, and the budget counts that address's failures. */
    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.inOwnSchemaWith(Map.of(
            "SWITCHBOARD_TRANSFER_CLAIM_FAILURE_BUDGET", String.valueOf(BUDGET),
            "SWITCHBOARD_TRANSFER_CLAIM_FAILURE_WINDOW_SECONDS", "600"));

    @Test
    void refusesEveryClaimFromTheAddressOnceItsFailuresAreSpent() {
        Api api = SWITCHBOARD.api();
        RelayClient.Created transfer = RelayClient.withNewKey(api).create(1, 16);
        RelayClient guesser = RelayClient.withNewKey(api);
        String wrongCode = transfer.code().startsWith("Z") ? "YYYY2345" : "ZZZZ2345";

        int misses = 0;
        ApiResponse answer = guesser.tryClaim(wrongCode);
        while (answer.status() == 404 && misses <= BUDGET) {
            misses++;
            answer = guesser.tryClaim(wrongCode);
        }

        assertThat(misses).isEqualTo(BUDGET);
        assertThat(answer.status()).as("%s", answer).isEqualTo(429);
        assertThat(answer.code()).isEqualTo("rate_limited");
        assertThat(answer.header("Retry-After")).isNotBlank();
        ApiResponse rightCode = guesser.tryClaim(transfer.code());
        assertThat(rightCode.status()).as("%s", rightCode).isEqualTo(429);
        assertThat(rightCode.code()).isEqualTo("rate_limited");
    }
}

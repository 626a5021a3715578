package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.StoreKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The scheduled sweeper, running in the real application, removes expired offers. */
@OnEveryStore
class ExpiredOfferSweepTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD =
            RunningSwitchboard.withTestSettingsAnd(Map.of("SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "1"));

    private final Api api = SWITCHBOARD.api();

    @Test
    void forgetsAnExpiredOfferEntirely() {
        String offerId = OfferExpiryTest.publishForOneSecond(api.newHmacPeer(), uniqueService());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiResponse fetched = api.get("/v1/offers/" + offerId);
            assertThat(fetched.status()).isEqualTo(404);
            assertThat(fetched.code()).isEqualTo("offer_not_found");
        });
    }
}

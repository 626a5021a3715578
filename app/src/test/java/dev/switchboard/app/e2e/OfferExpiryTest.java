package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.sdp;
import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.StoreKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** An offer past its TTL, before the sweeper has removed it: refused as expired. */
@OnEveryStore
class OfferExpiryTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    // Sweeping hourly keeps the expired offer in the store, so the test sees "expired", not "gone".
    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD =
            RunningSwitchboard.withTestSettingsAnd(Map.of("SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "3600"));

    private final Api api = SWITCHBOARD.api();

    /** Publishes an offer for the shortest TTL the test settings allow, one second. */
    static String publishForOneSecond(Peer peer, String service) {
        ApiResponse published = peer.post("/v1/offers", Map.of(
                "service", service, "ttlSeconds", 1, "offers", List.of(Map.of("sdp", sdp("short-lived")))));
        assertThat(published.status()).as("%s", published).isEqualTo(201);
        return Json.elements(published.json().path("offers")).get(0).path("id").asText();
    }

    @Test
    void refusesToServeOrAnswerAnExpiredOffer() {
        String service = uniqueService();
        String offerId = publishForOneSecond(api.newHmacPeer(), service);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            ApiResponse fetched = api.get("/v1/offers/" + offerId);
            assertThat(fetched.status()).isEqualTo(410);
            assertThat(fetched.code()).isEqualTo("offer_expired");
        });
        ApiResponse answered = api.newEd25519Peer().answer(offerId, sdp("too late"));
        assertThat(answered.status()).as("%s", answered).isEqualTo(410);
        assertThat(answered.code()).isEqualTo("offer_expired");
        assertThat(api.get("/v1/offers/count?service=" + service).json().path("count").asLong()).isZero();
    }
}

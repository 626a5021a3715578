package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.sdp;
import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.postgres.PostgresSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL store keeps when the application restarts: one application is stopped and another
 * started on the same database, port and master key, as a rolling restart does. Each test has a schema of its own.
 */
class RestartDurabilityTest {
    private static final String OTHER_MASTER_KEY = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    private final String schema = "restart_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final PostgresSettings database = TestDatabase.createSchema(schema);

    @AfterEach
    void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    /** Switchboard on this test's schema; sweeping hourly keeps expired offers in the store, to be seen as expired. */
    private StartedSwitchboard start(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(TestDatabase.switchboardSettings(database));
        settings.put("SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "3600");
        settings.putAll(more);
        return StartedSwitchboard.start(settings);
    }

    /**
     * A new application on the port {@code stopped} listened on, so that clients and their signatures carry over;
     * the clients reach it on new connections ({@link Api#onNewConnections}), as they would after a restart.
     */
    private StartedSwitchboard restart(int port, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("SWITCHBOARD_HTTP_PORT", String.valueOf(port));
        return start(settings);
    }

    @Test
    void stillAcceptsSignaturesOfACredentialIssuedBeforehand() {
        Peer peer;
        int port;
        try (StartedSwitchboard before = start(Map.of())) {
            port = before.port();
            peer = before.api().newHmacPeer();
            peer.publishOne(uniqueService());
        }

        try (StartedSwitchboard after = restart(port, Map.of())) {
            ApiResponse published = peer.via(Api.onNewConnections(port)).post("/v1/offers",
                    Map.of("service", uniqueService(), "offers", List.of(Map.of("sdp", sdp("after")))));

            assertThat(published.status()).as("%s", published).isEqualTo(201);
        }
    }

    @Test
    void cannotOpenThoseCredentialsWithAnotherMasterKey() {
        Peer peer;
        int port;
        try (StartedSwitchboard before = start(Map.of())) {
            port = before.port();
            peer = before.api().newHmacPeer();
        }

        try (StartedSwitchboard after = restart(port, Map.of("SWITCHBOARD_MASTER_KEY", OTHER_MASTER_KEY))) {
            ApiResponse refused = peer.via(Api.onNewConnections(port)).post("/v1/offers",
                    Map.of("service", uniqueService(), "offers", List.of(Map.of("sdp", sdp("after")))));

            assertThat(refused.status()).as("%s", refused).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("authentication_failed");
        }
    }

    @Test
    void stillRefusesARequestReplayedFromBeforeTheRestart() {
        SignedCall publication;
        int port;
        try (StartedSwitchboard before = start(Map.of())) {
            port = before.port();
            publication = before.api().newEd25519Peer().call("POST", "/v1/offers")
                    .json(Map.of("service", uniqueService(), "offers", List.of(Map.of("sdp", sdp("once")))));
            assertThat(publication.send().status()).isEqualTo(201);
        }

        try (StartedSwitchboard after = restart(port, Map.of())) {
            ApiResponse replayed = Api.onNewConnections(port).send(publication.request());

            assertThat(replayed.status()).as("%s", replayed).isEqualTo(401);
            assertThat(replayed.code()).isEqualTo("nonce_replayed");
        }
    }

    @Test
    void keepsAnOfferDiscoverableUntilItExpires() {
        String service = uniqueService();
        String offerId;
        Instant expiresAt;
        int port;
        try (StartedSwitchboard before = start(Map.of())) {
            port = before.port();
            ApiResponse published = before.api().newEd25519Peer().post("/v1/offers", Map.of(
                    "service", service, "ttlSeconds", 5, "offers", List.of(Map.of("sdp", sdp("durable")))));
            assertThat(published.status()).as("%s", published).isEqualTo(201);
            JsonNode offer = Json.elements(published.json().path("offers")).get(0);
            offerId = offer.path("id").asText();
            expiresAt = Instant.parse(offer.path("expiresAt").asText());
        }

        try (StartedSwitchboard after = restart(port, Map.of())) {
            Api api = Api.onNewConnections(port);
            ApiResponse found = api.get("/v1/offers?service=" + service);
            assertThat(Instant.now()).as("restarted before the offer expired").isBefore(expiresAt);
            assertThat(Json.texts(found.json().path("offers"), "id")).containsExactly(offerId);
            assertThat(api.get("/v1/offers/" + offerId).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(api.get("/v1/offers/" + offerId).code()).isEqualTo("offer_expired"));
            assertThat(api.get("/v1/offers/count?service=" + service).json().path("count").asLong()).isZero();
        }
    }
}

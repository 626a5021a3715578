package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * {@code SWITCHBOARD_PEERJS_AUTHENTICATION=token}, on every store: a PeerJS socket takes an id only with a token
 * from {@code POST /v1/peerjs/tokens} for exactly that id, so no client can squat another identity's id; without
 * the setting, PeerJS behaves as {@code peer} does.
 */
@OnEveryStore
class PeerJsAuthenticationTest {
    private static final String INVALID = "Invalid token: this server requires a PeerJS token issued for this id";

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_PEERJS_AUTHENTICATION", "token",
            "SWITCHBOARD_PEERJS_TOKEN_LIFETIME", "1h"));

    /** {@code {id, token, expiresAt}} issued to {@code peer}, with a name when one is given. */
    private static JsonNode tokenFor(Peer peer, String name) {
        ApiResponse issued = peer.post("/v1/peerjs/tokens", name == null ? Map.of() : Map.of("name", name));
        assertThat(issued.status()).as("%s", issued).isEqualTo(201);
        return issued.json();
    }

    private static PeerJsClient connect(JsonNode token) {
        return connect(token.path("id").asText(), token.path("token").asText());
    }

    private static PeerJsClient connect(String id, String token) {
        return PeerJsClient.connect(SWITCHBOARD.peerJsPort(), "/", "peerjs", id, token);
    }

    private static void assertRefused(PeerJsClient client, String message) {
        JsonNode error = client.awaitType("ERROR");
        assertThat(error.path("payload").path("msg").asText()).isEqualTo(message);
        assertThat(client.awaitClose()).isEqualTo(1008);
        assertThat(client.frames()).noneMatch(PeerJsClient.ofType("OPEN"));
    }

    @Test
    void letsPeersWithTokensConnectAndRelayToEachOther() {
        JsonNode alice = tokenFor(SWITCHBOARD.api().newEd25519Peer(), null);
        JsonNode bob = tokenFor(SWITCHBOARD.api().newHmacPeer(), "laptop");
        assertThat(alice.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(bob.path("id").asText()).matches("laptop-[0-9a-f]{32}");
        assertThat(Instant.parse(alice.path("expiresAt").asText())).isBetween(Instant.now().plusSeconds(3500),
                Instant.now().plusSeconds(3601));

        try (PeerJsClient aliceSocket = connect(alice); PeerJsClient bobSocket = connect(bob)) {
            aliceSocket.awaitType("OPEN");
            bobSocket.awaitType("OPEN");
            aliceSocket.send("OFFER", bobSocket.id(), Map.of("sdp", "v=0"));

            JsonNode offer = bobSocket.awaitType("OFFER");
            assertThat(offer.path("src").asText()).isEqualTo(aliceSocket.id());
        }
    }

    @Test
    void refusesAnIdWithoutATokenFromTheServer() {
        try (PeerJsClient squatter = connect(PeerJsClient.newId("alice"), PeerJsClient.newToken())) {
            assertRefused(squatter, INVALID);
        }
    }

    @Test
    void neverLetsOneIdentityTakeAnothersId() {
        JsonNode alice = tokenFor(SWITCHBOARD.api().newEd25519Peer(), "phone");
        JsonNode bob = tokenFor(SWITCHBOARD.api().newEd25519Peer(), "phone");

        try (PeerJsClient bobAsAlice = connect(alice.path("id").asText(), bob.path("token").asText());
                PeerJsClient aliceAsBob = connect(bob.path("id").asText(), alice.path("token").asText())) {
            assertRefused(bobAsAlice, INVALID);
            assertRefused(aliceAsBob, INVALID);
        }
        try (PeerJsClient realAlice = connect(alice)) {
            realAlice.awaitType("OPEN");
        }
    }

    @Test
    void refusesAForgedTokenAndAnExpiredOne() {
        JsonNode alice = tokenFor(SWITCHBOARD.api().newEd25519Peer(), null);
        String id = alice.path("id").asText();
        String forged = token(HexFormat.of().parseHex("00".repeat(31) + "01"), id, Instant.now().plusSeconds(600));
        String expired = token(serverKey(), id, Instant.now().minusSeconds(1));
        String genuine = token(serverKey(), id, Instant.now().plusSeconds(600));

        try (PeerJsClient withForged = connect(id, forged); PeerJsClient withExpired = connect(id, expired)) {
            assertRefused(withForged, INVALID);
            assertRefused(withExpired, "Invalid token: it expired; get a new PeerJS token for this id");
        }
        try (PeerJsClient control = connect(id, genuine)) {
            control.awaitType("OPEN");
        }
    }

    @Test
    void givesNoRandomIdsSinceIdsComeWithTokens() {
        ApiResponse response = new Api(SWITCHBOARD.peerJsPort()).get("/peerjs/id");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("requires PeerJS tokens");
    }

    @Test
    void behavesAsThePeerServerWithoutTheSetting() {
        try (StartedSwitchboard open = StartedSwitchboard.start(store, Map.of())) {
            int port = open.peerJsPort();
            JsonNode issued = tokenFor(open.api().newEd25519Peer(), null);
            assertThat(new Api(port).get("/peerjs/id").status()).isEqualTo(200);

            try (PeerJsClient any = PeerJsClient.open(port, "/", PeerJsClient.newId("anyone"));
                    PeerJsClient withToken = PeerJsClient.connect(port, "/", "peerjs", issued.path("id").asText(),
                            issued.path("token").asText())) {
                withToken.awaitType("OPEN");
                any.send("OFFER", withToken.id(), Map.of("sdp", "v=0"));
                assertThat(withToken.awaitType("OFFER").path("src").asText()).isEqualTo(any.id());
            }
        }
    }

    /** The server's token signing key, from the test settings. */
    private static byte[] serverKey() {
        return HexFormat.of().parseHex(StartedSwitchboard.TEST_SETTINGS.get("SWITCHBOARD_SIGNING_KEY"));
    }

    /**
     * A PeerJS token as docs/peerjs.md lays it out: base64url of version 1, the expiry in epoch seconds and the id,
     * then the first 16 bytes of HMAC-SHA256 under {@code key} over the purpose, a zero byte and that body.
     */
    private static String token(byte[] key, String id, Instant expiresAt) {
        byte[] ascii = id.getBytes(StandardCharsets.US_ASCII);
        byte[] body = ByteBuffer.allocate(9 + ascii.length).put((byte) 1).putLong(expiresAt.getEpochSecond())
                .put(ascii).array();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("switchboard peerjs token v1".getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            byte[] tag = Arrays.copyOf(mac.doFinal(body), 16);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(body.length + 16).put(body).put(tag).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.sdp;
import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a signed request can be refused, seen from the client. */
@OnEveryStore
class SignatureRejectionTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    private final Api api = SWITCHBOARD.api();
    private final Peer peer = api.newHmacPeer();
    private final String service = uniqueService();

    private Map<String, Object> publication() {
        return Map.of("service", service, "offers", List.of(Map.of("sdp", sdp("offer"))));
    }

    private SignedCall publish() {
        return peer.call("POST", "/v1/offers").json(publication());
    }

    private static void assertRefused(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Nested
    class WhenTheSignatureIsMissingOrIncomplete {
        @Test
        void refusesAnUnsignedRequestAndSaysWhatToSign() {
            ApiResponse response = api.send("POST", "/v1/offers", "application/json", Json.bytes(publication()));

            assertRefused(response, 401, "signature_missing");
            assertThat(response.header("Accept-Signature")).contains("@method").contains("content-digest");
        }

        @Test
        void refusesAnUnsignedEventsPoll() {
            assertRefused(api.get("/v1/events?after=0"), 401, "signature_missing");
        }

        @Test
        void refusesABodyWhoseDigestIsNotCovered() {
            assertRefused(publish().covering("@method", "@target-uri").send(), 401, "signature_component_missing");
        }

        @Test
        void refusesASignatureThatDoesNotCoverTheTarget() {
            assertRefused(publish().covering("@method", "content-digest").send(), 401, "signature_component_missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"created", "nonce", "keyid", "alg"})
        void refusesASignatureWithoutARequiredParameter(String parameter) {
            assertRefused(publish().without(parameter).send(), 401, "signature_parameter_missing");
        }

        @Test
        void refusesAnAlgorithmItDoesNotSupport() {
            assertRefused(publish().algorithm("rsa-pss-sha512").send(), 401, "unsupported_algorithm");
        }
    }

    @Nested
    class WhenTheSignatureIsOutOfTime {
        @Test
        void refusesASignatureCreatedBeforeTheWindow() {
            long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();
            assertRefused(publish().created(tenMinutesAgo).send(), 401, "signature_expired");
        }

        @Test
        void refusesASignatureCreatedInTheFuture() {
            long inTenMinutes = Instant.now().plusSeconds(600).getEpochSecond();
            assertRefused(publish().created(inTenMinutes).send(), 401, "signature_from_future");
        }

        @Test
        void refusesTheSameSignedRequestTheSecondTime() {
            SignedCall call = publish();
            assertThat(call.send().status()).isEqualTo(201);

            assertRefused(call.send(), 401, "nonce_replayed");
            assertThat(count()).isEqualTo(1);
        }
    }

    @Nested
    class WhenTheBodyIsNotTheSignedOne {
        @Test
        void refusesABodyThatDoesNotMatchItsDigest() {
            byte[] tampered = new String(Json.bytes(publication()), StandardCharsets.UTF_8)
                    .replace("offer", "evil!").getBytes(StandardCharsets.UTF_8);

            assertRefused(publish().sendingBodyInstead(tampered).send(), 400, "digest_mismatch");
            assertThat(count()).isZero();
        }
    }

    @Nested
    class WhenTheKeyIsWrong {
        @Test
        void answersAnUnknownKeyExactlyLikeAWrongSignature() {
            byte[] randomSecret = randomBytes(32);
            String unknownId = "hk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(16));
            Peer unknownKey = new Peer(api, new HmacSigner(unknownId, randomSecret));
            Peer wrongSecret = new Peer(api, new HmacSigner(peer.keyId(), randomSecret));

            ApiResponse unknown = unknownKey.post("/v1/offers", publication());
            ApiResponse forged = wrongSecret.post("/v1/offers", publication());

            assertRefused(unknown, 401, "authentication_failed");
            assertThat(forged.status()).isEqualTo(unknown.status());
            assertThat(forged.body()).isEqualTo(unknown.body());
            assertThat(count()).isZero();
        }

        @Test
        void refusesAnEd25519SignatureMadeWithAnotherKey() {
            Ed25519Signer victim = Ed25519Signer.generate();
            Peer impostor = new Peer(api, Ed25519Signer.generate().impersonating(victim.keyId()));

            assertRefused(impostor.post("/v1/offers", publication()), 401, "authentication_failed");
            assertThat(count()).isZero();
        }
    }

    private long count() {
        return api.get("/v1/offers/count?service=" + service).json().path("count").asLong();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

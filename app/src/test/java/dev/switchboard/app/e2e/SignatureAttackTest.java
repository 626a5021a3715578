package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.sdp;
import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/**
 * The security suite's signature attacks: each is refused with its code, and none changes state. "No state" is
 * checked twice: nothing was published, and the attack's nonce was not even remembered (the genuine client
 * can still use it), so a forger cannot burn a victim's nonces either.
 */
@OnEveryStore
class SignatureAttackTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    private final Api api = SWITCHBOARD.api();
    private final Peer peer = api.newHmacPeer();
    private final String service = uniqueService();

    private Map<String, Object> publication(String label) {
        return Map.of("service", service, "offers", List.of(Map.of("sdp", sdp(label))));
    }

    private SignedCall publish(String nonce) {
        return peer.call("POST", "/v1/offers").json(publication("offer")).nonce(nonce);
    }

    private long count() {
        return api.get("/v1/offers/count?service=" + service).json().path("count").asLong();
    }

    /** Refused with {@code code}; nothing published; the nonce still unused, so the genuine request passes. */
    private void assertRefusedWithoutEffect(ApiResponse response, int status, String code, String nonce) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(count()).as("offers after the attack").isZero();

        ApiResponse genuine = publish(nonce).send();
        assertThat(genuine.status()).as("the genuine request with the attack's nonce: %s", genuine).isEqualTo(201);
        assertThat(count()).isEqualTo(1);
    }

    @Nested
    class WhenTheSignatureBytesAreNotTheSigners {
        @Test
        void refusesAForgedSignature() {
            String nonce = SignedCall.freshNonce();
            ApiResponse forged = publish(nonce).transformingSignature(bytes -> {
                byte[] flipped = bytes.clone();
                flipped[0] ^= 0x01;
                return flipped;
            }).send();

            assertRefusedWithoutEffect(forged, 401, "authentication_failed", nonce);
        }

        @Test
        void refusesATruncatedSignature() {
            String nonce = SignedCall.freshNonce();
            ApiResponse truncated = publish(nonce)
                    .transformingSignature(bytes -> Arrays.copyOf(bytes, bytes.length / 2)).send();

            assertRefusedWithoutEffect(truncated, 401, "authentication_failed", nonce);
        }

        @Test
        void refusesAnEd25519SignatureTruncatedByOneByte() {
            Peer signer = api.newEd25519Peer();
            String nonce = SignedCall.freshNonce();
            ApiResponse truncated = signer.call("POST", "/v1/offers").json(publication("offer")).nonce(nonce)
                    .transformingSignature(bytes -> Arrays.copyOf(bytes, bytes.length - 1)).send();

            assertThat(truncated.status()).as("%s", truncated).isEqualTo(401);
            assertThat(truncated.code()).isEqualTo("authentication_failed");
            assertThat(count()).isZero();
            assertThat(signer.call("POST", "/v1/offers").json(publication("offer")).nonce(nonce).send().status())
                    .isEqualTo(201);
        }
    }

    @Nested
    class WhenTheSignedComponentsAreNotTheRequests {
        @Test
        void refusesComponentsDeclaredInAnotherOrderThanSigned() {
            String nonce = SignedCall.freshNonce();
            ApiResponse reordered = publish(nonce)
                    .declaringComponentsAs("@target-uri", "@method", "content-digest").send();

            assertRefusedWithoutEffect(reordered, 401, "authentication_failed", nonce);
        }

        @Test
        void refusesASignatureMadeForAnotherTarget() {
            String nonce = SignedCall.freshNonce();
            ApiResponse otherTarget = publish(nonce).signingTargetInstead("/v1/batch").send();

            assertRefusedWithoutEffect(otherTarget, 401, "authentication_failed", nonce);
        }

        @Test
        void refusesABodySwappedUnderAValidSignatureEvenWithAMatchingDigest() {
            byte[] swapped = new String(Json.bytes(publication("offer")), StandardCharsets.UTF_8)
                    .replace("offer", "evil!").getBytes(StandardCharsets.UTF_8);
            String nonce = SignedCall.freshNonce();

            ApiResponse withOldDigest = publish(nonce).sendingBodyInstead(swapped).send();
            assertThat(withOldDigest.status()).as("%s", withOldDigest).isEqualTo(400);
            assertThat(withOldDigest.code()).isEqualTo("digest_mismatch");

            ApiResponse withNewDigest = publish(nonce).sendingBodyInstead(swapped).withDigestOfSentBody().send();
            assertRefusedWithoutEffect(withNewDigest, 401, "authentication_failed", nonce);
        }
    }

    @Nested
    class WhenTheSignatureIsReplayedOrOutOfTime {
        @Test
        void refusesAReplayWithinTheWindowAndKeepsTheFirstEffectOnly() {
            SignedCall call = publish(SignedCall.freshNonce());
            assertThat(call.send().status()).isEqualTo(201);

            ApiResponse replayed = call.send();

            assertThat(replayed.status()).isEqualTo(401);
            assertThat(replayed.code()).isEqualTo("nonce_replayed");
            assertThat(count()).isEqualTo(1);
        }

        @Test
        void refusesAStaleCreated() {
            String nonce = SignedCall.freshNonce();
            ApiResponse stale = publish(nonce).created(Instant.now().minusSeconds(120).getEpochSecond()).send();

            assertRefusedWithoutEffect(stale, 401, "signature_expired", nonce);
        }

        @Test
        void refusesAFutureCreated() {
            String nonce = SignedCall.freshNonce();
            ApiResponse future = publish(nonce).created(Instant.now().plusSeconds(120).getEpochSecond()).send();

            assertRefusedWithoutEffect(future, 401, "signature_from_future", nonce);
        }
    }

    @Nested
    class WhenTheKeyIdIsAnotherIdentitys {
        @Test
        void refusesAnHmacSignatureClaimingAnotherCredential() {
            Peer victim = api.newHmacPeer();
            byte[] attackerSecret = new byte[32];
            Peer attacker = new Peer(api, new HmacSigner(victim.keyId(), attackerSecret));
            String nonce = SignedCall.freshNonce();

            ApiResponse impersonated = attacker.call("POST", "/v1/offers").json(publication("offer")).nonce(nonce)
                    .send();

            assertThat(impersonated.status()).as("%s", impersonated).isEqualTo(401);
            assertThat(impersonated.code()).isEqualTo("authentication_failed");
            assertThat(count()).isZero();
            assertThat(victim.call("POST", "/v1/offers").json(publication("offer")).nonce(nonce).send().status())
                    .as("the victim's own request with that nonce").isEqualTo(201);
        }

        @Test
        void cannotDeleteAnotherIdentitysOfferByClaimingItsKeyId() {
            Ed25519Signer victimKey = Ed25519Signer.generate();
            Peer victim = new Peer(api, victimKey);
            String offerId = victim.publishOne(service);
            Peer attacker = new Peer(api, Ed25519Signer.generate().impersonating(victimKey.keyId()));

            ApiResponse deletion = attacker.delete("/v1/offers/" + offerId);

            assertThat(deletion.status()).as("%s", deletion).isEqualTo(401);
            assertThat(deletion.code()).isEqualTo("authentication_failed");
            assertThat(count()).isEqualTo(1);
            assertThat(api.get("/v1/offers/" + offerId).status()).isEqualTo(200);
        }
    }
}

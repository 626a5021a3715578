package dev.switchboard.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.SignedRequest;
import dev.switchboard.ports.model.StoredCredential;
import dev.switchboard.ports.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The worked examples of {@code docs/signing.md}: computed by a client, accepted by the server, and on the page. */
class SigningGuideExampleTest {
    private static final Path GUIDE = Path.of("..", "docs", "signing.md");
    private static final String BODY = "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}],\"ttlSeconds\":60}";
    private static final String DIGEST = "sha-256=:dOtlRABlUj+Mo7S+E0lkBEiBx4LyO3EibEMN2xBpxu8=:";
    private static final String COMPONENTS = "(\"@method\" \"@target-uri\" \"content-type\" \"content-digest\")"
            + ";created=1767323045;nonce=\"w1WJm4c6QxVbE3tKp0sR9A\"";

    private final InMemoryStorage storage = new InMemoryStorage();
    private final MasterKeyRing masterKeys = MasterKeyRing.of(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
            29, 30, 31, 32});
    private final AuthenticateRequestService service = new AuthenticateRequestService(
            storage.credentials(), storage.nonces(), masterKeys, SettableClock.atFixedStart(), Duration.ofSeconds(60));

    @Nested
    class WithHmacSha256 {
        private static final String CREDENTIAL_ID = "hk_ZXhhbXBsZS1jcmVkLWlk";
        private static final String SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        private final TestSigner signer = TestSigner.hmac(CREDENTIAL_ID, Base64.getUrlDecoder().decode(SECRET));
        private final String signatureInput =
                "sig1=" + COMPONENTS + ";keyid=\"" + CREDENTIAL_ID + "\";alg=\"hmac-sha256\"";
        private final String signature = "sig1=:3z0N/zDbSuNy7rsjvWLQBlxUQgnoLRzUKfzm934lyMY=:";

        @Test
        void theSecretIsTheBytesZeroToThirtyOne() {
            byte[] expected = new byte[32];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) i;
            }

            assertThat(Base64.getUrlDecoder().decode(SECRET)).isEqualTo(expected);
        }

        @Test
        void aClientComputesTheDigestBaseAndHeadersOfTheGuide() throws Exception {
            String base = "\"@method\": POST\n"
                    + "\"@target-uri\": http://localhost:8080/v1/offers\n"
                    + "\"content-type\": application/json\n"
                    + "\"content-digest\": " + DIGEST + "\n"
                    + "\"@signature-params\": " + signatureInput.substring("sig1=".length());
            SignedRequest request = example().signedBy(signer);

            assertThat(TestRequest.contentDigest(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(DIGEST);
            assertThat(example().signatureBase(signer)).isEqualTo(base);
            assertThat(request.header("signature-input")).containsExactly(signatureInput);
            assertThat(request.header("signature")).containsExactly(signature);
            assertThat(guide().replace("\n   ", "\n")).contains(
                    "Content-Digest: " + DIGEST, base, "Signature-Input: " + signatureInput, "Signature: " + signature,
                    CREDENTIAL_ID, SECRET, BODY);
        }

        @Test
        void theServerAcceptsTheRequestOfTheGuide() {
            byte[] secret = Base64.getUrlDecoder().decode(SECRET);
            storage.credentials().save(new StoredCredential(CREDENTIAL_ID,
                    new SecretSeal(masterKeys).seal(CREDENTIAL_ID, secret, new byte[12]),
                    SettableClock.atFixedStart().instant()));

            Identity identity = service.authenticate(example().signedBy(signer));

            assertThat(identity).isEqualTo(new Identity(SignatureAlgorithm.HMAC_SHA256, CREDENTIAL_ID));
        }
    }

    @Nested
    class WithEd25519 {
        /** RFC 9421 Appendix B.1.4. */
        private static final String PUBLIC_KEY_INFO = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
        private static final String PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
        private static final String KEY_ID = "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs";
        private final TestSigner signer = TestSigner.ed25519(PRIVATE_KEY,
                Arrays.copyOfRange(Base64.getDecoder().decode(PUBLIC_KEY_INFO), 12, 44));
        private final String signatureInput = "sig1=" + COMPONENTS + ";keyid=\"" + KEY_ID + "\";alg=\"ed25519\"";
        private final String signature = "sig1=:frZckHhB84emNGPXJXjkX9vIkDtnx22lOkWsq+qbOp1FZoNAdlHEb1Bz6zP7szTc6oNA"
                + "64d5+JEHEqX13wocBw==:";

        @Test
        void aClientComputesTheKeyIdAndHeadersOfTheGuide() throws Exception {
            SignedRequest request = example().signedBy(signer);

            assertThat(signer.keyId()).isEqualTo(KEY_ID);
            assertThat(request.header("signature-input")).containsExactly(signatureInput);
            assertThat(request.header("signature")).containsExactly(signature);
            assertThat(guide()).contains(PUBLIC_KEY_INFO, KEY_ID,
                    "Signature-Input: " + signatureInput, "Signature: " + signature);
        }

        @Test
        void theServerAcceptsTheRequestOfTheGuide() {
            Identity identity = service.authenticate(example().signedBy(signer));

            assertThat(identity).isEqualTo(new Identity(SignatureAlgorithm.ED25519, KEY_ID));
        }
    }

    /** Signed at the settable clock's start, 2026-01-02T03:04:05Z, so the server's window accepts it. */
    private static TestRequest example() {
        assertThat(TestRequest.NOW).isEqualTo(1767323045);
        return TestRequest.post("/v1/offers", BODY)
                .covering("@method", "@target-uri", "content-type", "content-digest")
                .created(1767323045)
                .nonce("w1WJm4c6QxVbE3tKp0sR9A");
    }

    private static String guide() throws Exception {
        return Files.readString(GUIDE, StandardCharsets.UTF_8);
    }
}

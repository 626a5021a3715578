package dev.switchboard.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The signature bases and signatures of RFC 9421 Appendix B, reproduced exactly. */
class Rfc9421ExamplesTest {

    /** Appendix B.2: the test request. */
    private static final SignedRequest TEST_REQUEST = new SignedRequest(
            "POST", "https", "example.com", "/foo", Optional.of("param=Value&Pet=dog"),
            Map.of(
                    "Host", List.of("example.com"),
                    "Date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"),
                    "Content-Type", List.of("application/json"),
                    "Content-Digest", List.of("sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYll"
                            + "u7BNNyealdVLvRwEmTHWXvJwew==:"),
                    "Content-Length", List.of("18")),
            "{\"hello\": \"world\"}".getBytes(StandardCharsets.US_ASCII));

    @Nested
    class HmacSha256InB25 {
        /** Appendix B.1.5: test-shared-secret. */
        private final byte[] sharedSecret = Base64.getDecoder().decode(
                "uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==");
        private final String base = baseFor(
                "sig-b25=(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"");

        @Test
        void buildsTheSignatureBaseOfTheRfc() {
            assertThat(base).isEqualTo("""
                    "date": Tue, 20 Apr 2021 02:07:55 GMT
                    "@authority": example.com
                    "content-type": application/json
                    "@signature-params": ("date" "@authority" "content-type");created=1618884473\
                    ;keyid="test-shared-secret\"""");
        }

        @Test
        void computesTheSignatureOfTheRfc() {
            byte[] mac = new HmacSha256Key(sharedSecret).sign(base.getBytes(StandardCharsets.US_ASCII));

            assertThat(Base64.getEncoder().encodeToString(mac))
                    .isEqualTo("pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=");
        }

        @Test
        void verifiesTheSignatureOfTheRfcAndNoOther() {
            byte[] signature = Base64.getDecoder().decode("pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=");
            HmacSha256Key key = new HmacSha256Key(sharedSecret);
            byte[] otherBase = base.replace("example.com", "example.org").getBytes(StandardCharsets.US_ASCII);

            assertThat(key.verifies(base.getBytes(StandardCharsets.US_ASCII), signature)).isTrue();
            assertThat(key.verifies(otherBase, signature)).isFalse();
        }
    }

    @Nested
    class Ed25519InB26 {
        /** Appendix B.1.4: test-key-ed25519, public key as SubjectPublicKeyInfo. */
        private final byte[] publicKeyInfo = Base64.getDecoder().decode(
                "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=");
        private final byte[] rawPublicKey = Arrays.copyOfRange(publicKeyInfo, 12, 44);
        private final String privateKeyPkcs8 = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
        private final byte[] rfcSignature = Base64.getDecoder().decode(
                "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==");
        private final String base = baseFor("sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\""
                + " \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"");

        @Test
        void buildsTheSignatureBaseOfTheRfc() {
            assertThat(base).isEqualTo("""
                    "date": Tue, 20 Apr 2021 02:07:55 GMT
                    "@method": POST
                    "@path": /foo
                    "@authority": example.com
                    "content-type": application/json
                    "content-length": 18
                    "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length")\
                    ;created=1618884473;keyid="test-key-ed25519\"""");
        }

        @Test
        void verifiesTheSignatureOfTheRfcAndNoOther() throws Exception {
            Ed25519PublicKey key = Ed25519PublicKey.fromRaw(rawPublicKey);
            byte[] otherBase = base.replace("POST", "PUT").getBytes(StandardCharsets.US_ASCII);

            assertThat(key.verifies(base.getBytes(StandardCharsets.US_ASCII), rfcSignature)).isTrue();
            assertThat(key.verifies(otherBase, rfcSignature)).isFalse();
        }

        @Test
        void acceptsTheRfcKeyAsAKeyIdInBase64url() {
            String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey);

            assertThat(keyId).isEqualTo("JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs");
            assertThat(Ed25519PublicKey.fromKeyId(keyId)).isPresent();
        }

        @Test
        void theTestSignerProducesTheSignatureOfTheRfc() {
            TestSigner signer = TestSigner.ed25519(privateKeyPkcs8, rawPublicKey);

            assertThat(signer.sign(base)).isEqualTo(rfcSignature);
        }
    }

    private static String baseFor(String signatureInput) {
        try {
            FieldDictionary dictionary = StructuredFieldParser.parseDictionary(signatureInput);
            InnerList signatureParams = (InnerList) dictionary.get(dictionary.firstKey().orElseThrow()).orElseThrow();
            return SignatureBase.build(CoveredComponents.from(signatureParams), signatureParams, TEST_REQUEST);
        } catch (StructuredFieldException e) {
            throw new AssertionError(e);
        }
    }
}

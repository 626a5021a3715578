package dev.switchboard.domain.identity;

import static dev.switchboard.domain.identity.TestRequest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.SignedRequest;
import dev.switchboard.ports.testing.SettableClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticateRequestServiceTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final String OFFERS_BODY = "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}";

    private final SettableClock clock = SettableClock.atFixedStart();
    private final InMemoryStorage storage = new InMemoryStorage();
    private final SeededEntropy entropy = new SeededEntropy(7);
    private final MasterKeyRing masterKeys = MasterKeyRing.of(masterKey(1));
    private final AuthenticateRequestService service = serviceWith(masterKeys);
    private final TestSigner hmac = issueCredential(masterKeys);
    private final TestSigner ed25519 = TestSigner.ed25519();

    @Nested
    class WhenTheSignatureIsValid {

        @Test
        void authenticatesAnHmacRequestAsItsCredential() {
            Identity identity = service.authenticate(TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(hmac));

            assertThat(identity).isEqualTo(new Identity(SignatureAlgorithm.HMAC_SHA256, hmac.keyId()));
        }

        @Test
        void authenticatesAnEd25519RequestAsItsPublicKey() {
            Identity identity = service.authenticate(TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(ed25519));

            assertThat(identity).isEqualTo(new Identity(SignatureAlgorithm.ED25519, ed25519.keyId()));
        }

        @Test
        void acceptsAuthorityPathAndQueryInPlaceOfTheTargetUri() {
            SignedRequest request = TestRequest.get("/v1/events").query("after=0&wait=25")
                    .covering("@method", "@authority", "@path", "@query").signedBy(hmac);

            assertThat(service.authenticate(request).keyId()).isEqualTo(hmac.keyId());
        }

        @Test
        void acceptsABodilessRequestThatCoversNoDigest() {
            SignedRequest request = TestRequest.get("/v1/offers/abc/candidates").query("after=0").signedBy(ed25519);

            assertThat(service.authenticate(request).keyId()).isEqualTo(ed25519.keyId());
        }

        @Test
        void acceptsMoreComponentsExtraParametersAndAFutureExpires() {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY)
                    .header("x-trace", " a ", "b")
                    .covering("content-type", "@method", "@scheme", "@request-target", "@target-uri",
                            "content-digest", "x-trace")
                    .parameter("expires", Long.toString(NOW + 30))
                    .parameter("tag", "\"switchboard\"")
                    .signedBy(hmac);

            assertThat(service.authenticate(request).keyId()).isEqualTo(hmac.keyId());
        }

        @Test
        void verifiesOnlyTheFirstSignatureAndIgnoresTheOthers() {
            SignedRequest signed = TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(hmac);
            SignedRequest withSecond = TestRequest.replacingHeader(signed, "signature-input",
                    signed.header("signature-input").get(0), "proxy=(\"@method\");created=1");
            SignedRequest withBoth = TestRequest.replacingHeader(withSecond, "signature",
                    signed.header("signature").get(0) + ", proxy=:AAAA:");

            assertThat(service.authenticate(withBoth).keyId()).isEqualTo(hmac.keyId());
        }
    }

    @Nested
    class WhenTheSignatureHeadersAreMissingOrMalformed {

        @Test
        void rejectsAnUnsignedRequestAsMissing() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).unsigned(), ErrorCode.SIGNATURE_MISSING);
        }

        @ParameterizedTest
        @ValueSource(strings = {"signature", "signature-input"})
        void rejectsARequestWithOnlyOneOfTheTwoHeadersAsMissing(String absentHeader) {
            SignedRequest request = TestRequest.removingHeader(signedPost(), absentHeader);

            assertThat(rejectionOf(request)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_MISSING);
                assertThat(e.getMessage()).containsIgnoringCase(absentHeader + " header");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "sig1=(\"@method\" \"@target-uri\"",
                "sig1=(\"@method\");created=1.5",
                "Sig1=(\"@method\")",
                "",
                "sig1=\"@method\"",
        })
        void rejectsASignatureInputThatIsNoDictionaryOfInnerLists(String signatureInput) {
            assertRejected(TestRequest.replacingHeader(signedPost(), "signature-input", signatureInput),
                    ErrorCode.SIGNATURE_MALFORMED);
        }

        @Test
        void rejectsAHeaderLongerThan8KiB() {
            SignedRequest signed = signedPost();
            String padded = signed.header("signature-input").get(0) + ";pad=\"" + "x".repeat(8192) + "\"";

            assertThat(rejectionOf(TestRequest.replacingHeader(signed, "signature-input", padded))).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_MALFORMED);
                assertThat(e.getMessage()).contains("longer than 8192");
            });
        }

        @Test
        void rejectsASignatureWithoutTheFirstLabelOfSignatureInput() {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY).label("first").signedBy(hmac);
            String signature = request.header("signature").get(0).replace("first=", "other=");

            assertRejected(TestRequest.replacingHeader(request, "signature", signature), ErrorCode.SIGNATURE_MALFORMED);
        }

        @Test
        void rejectsASignatureThatIsNoByteSequence() {
            assertRejected(TestRequest.replacingHeader(signedPost(), "signature", "sig1=\"c2lnbmF0dXJl\""),
                    ErrorCode.SIGNATURE_MALFORMED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"sf", "key=\"a\"", "bs", "req", "name=\"a\""})
        void rejectsComponentParametersNamingTheParameter(String parameter) {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY)
                    .coveringItems("\"@method\"", "\"@target-uri\"", "\"content-digest\";" + parameter)
                    .signedBy(hmac);

            assertThat(rejectionOf(request)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_MALFORMED);
                assertThat(e.getMessage()).contains(";" + parameter.split("=")[0] + " is not supported");
            });
        }

        @Test
        void rejectsAComponentCoveredTwice() {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY)
                    .covering("@method", "@target-uri", "content-digest", "@method").signedBy(hmac);

            assertRejected(request, ErrorCode.SIGNATURE_MALFORMED);
        }
    }

    @Nested
    class WhenAParameterIsMissingOrWrong {

        @ParameterizedTest
        @ValueSource(strings = {"created", "nonce", "keyid", "alg"})
        void rejectsASignatureWithoutARequiredParameter(String parameter) {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY).withoutParameter(parameter)
                    .signedBy(hmac);

            assertThat(rejectionOf(request)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_PARAMETER_MISSING);
                assertThat(e.getMessage()).contains(parameter);
            });
        }

        @Test
        void rejectsACreatedThatIsNoInteger() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).parameter("created", "\"" + NOW + "\"")
                    .signedBy(hmac), ErrorCode.SIGNATURE_PARAMETER_MISSING);
        }

        @Test
        void rejectsAnAlgGivenAsATokenRatherThanAString() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).parameter("alg", "hmac-sha256")
                    .signedBy(hmac), ErrorCode.SIGNATURE_PARAMETER_MISSING);
        }

        @ParameterizedTest
        @ValueSource(strings = {"rsa-pss-sha512", "ecdsa-p256-sha256", "HMAC-SHA256", "none"})
        void rejectsAnAlgorithmItDoesNotSupport(String alg) {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).parameter("alg", "\"" + alg + "\"")
                    .signedBy(hmac), ErrorCode.UNSUPPORTED_ALGORITHM);
        }

        @Test
        void rejectsAnExpiresThatIsNoInteger() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).parameter("expires", "\"soon\"")
                    .signedBy(hmac), ErrorCode.SIGNATURE_MALFORMED);
        }
    }

    @Nested
    class WhenARequiredComponentIsNotCovered {

        @Test
        void rejectsASignatureThatLeavesOutTheMethod() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).covering("@target-uri", "content-digest")
                    .signedBy(hmac), ErrorCode.SIGNATURE_COMPONENT_MISSING);
        }

        @Test
        void rejectsASignatureThatCoversOnlyPartOfTheTarget() {
            assertRejected(TestRequest.get("/v1/events").covering("@method", "@authority", "@path").signedBy(hmac),
                    ErrorCode.SIGNATURE_COMPONENT_MISSING);
        }

        @Test
        void rejectsABodyWhoseDigestIsNotCovered() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).covering("@method", "@target-uri")
                    .signedBy(hmac), ErrorCode.SIGNATURE_COMPONENT_MISSING);
        }

        @Test
        void rejectsACoveredHeaderTheRequestLacks() {
            SignedRequest request = TestRequest.get("/v1/events")
                    .covering("@method", "@target-uri", "x-client-version").signedBy(hmac);

            assertThat(rejectionOf(request)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_COMPONENT_MISSING);
                assertThat(e.getMessage()).contains("x-client-version");
            });
        }
    }

    @Nested
    class AtTheEdgesOfTheTimeWindow {

        @Test
        void acceptsASignatureCreatedExactlyAWindowAgo() {
            assertThat(service.authenticate(signedAt(NOW - 60)).keyId()).isEqualTo(hmac.keyId());
        }

        @Test
        void rejectsASignatureCreatedOneSecondEarlierAsExpired() {
            assertRejected(signedAt(NOW - 61), ErrorCode.SIGNATURE_EXPIRED);
        }

        @Test
        void acceptsASignatureCreatedExactlyAWindowAhead() {
            assertThat(service.authenticate(signedAt(NOW + 60)).keyId()).isEqualTo(hmac.keyId());
        }

        @Test
        void rejectsASignatureCreatedOneSecondLaterAsFromTheFuture() {
            assertRejected(signedAt(NOW + 61), ErrorCode.SIGNATURE_FROM_FUTURE);
        }

        @Test
        void rejectsASignatureOnceItsClockPassesTheWindow() {
            SignedRequest request = signedPost();
            clock.advance(Duration.ofSeconds(61));

            assertRejected(request, ErrorCode.SIGNATURE_EXPIRED);
        }

        @Test
        void rejectsASignatureWhoseExpiresHasPassed() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).parameter("expires", Long.toString(NOW - 1))
                    .signedBy(hmac), ErrorCode.SIGNATURE_EXPIRED);
        }

        private SignedRequest signedAt(long created) {
            return TestRequest.post("/v1/offers", OFFERS_BODY).created(created).signedBy(hmac);
        }
    }

    @Nested
    class NonceRules {

        @ParameterizedTest
        @ValueSource(strings = {
                "fifteen-chars-x", "has spaces in the nonce", "dots.are.not.allowed", "padded=nonce==="})
        void rejectsANonceOfTheWrongLengthOrAlphabet(String nonce) {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).nonce(nonce).signedBy(hmac),
                    ErrorCode.NONCE_INVALID);
        }

        @Test
        void rejectsANonceLongerThan128Characters() {
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).nonce("n".repeat(129)).signedBy(hmac),
                    ErrorCode.NONCE_INVALID);
        }

        @ParameterizedTest
        @ValueSource(ints = {16, 128})
        void acceptsANonceAtEitherLengthBound(int length) {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY)
                    .nonce("Az09_-".repeat(22).substring(0, length)).signedBy(hmac);

            assertThat(service.authenticate(request).keyId()).isEqualTo(hmac.keyId());
        }

        @Test
        void rejectsAReplayedRequest() {
            SignedRequest request = signedPost();
            service.authenticate(request);

            assertRejected(request, ErrorCode.NONCE_REPLAYED);
        }

        @Test
        void rejectsANonceReusedByTheSameKeyOnAnotherRequest() {
            service.authenticate(TestRequest.post("/v1/offers", OFFERS_BODY).nonce("shared-nonce-0001").signedBy(hmac));

            assertRejected(TestRequest.get("/v1/events").nonce("shared-nonce-0001").signedBy(hmac),
                    ErrorCode.NONCE_REPLAYED);
        }

        @Test
        void acceptsTheSameNonceFromAnotherKey() {
            service.authenticate(TestRequest.post("/v1/offers", OFFERS_BODY).nonce("shared-nonce-0001").signedBy(hmac));

            Identity other = service.authenticate(
                    TestRequest.post("/v1/offers", OFFERS_BODY).nonce("shared-nonce-0001").signedBy(ed25519));

            assertThat(other.keyId()).isEqualTo(ed25519.keyId());
        }

        @Test
        void doesNotRememberTheNonceOfARequestWhoseSignatureFailed() {
            TestSigner forger = TestSigner.hmac(hmac.keyId(), new byte[32]);
            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).nonce("contested-nonce-01").signedBy(forger),
                    ErrorCode.AUTHENTICATION_FAILED);

            Identity genuine = service.authenticate(
                    TestRequest.post("/v1/offers", OFFERS_BODY).nonce("contested-nonce-01").signedBy(hmac));

            assertThat(genuine.keyId()).isEqualTo(hmac.keyId());
        }
    }

    @Nested
    class ContentDigestRules {

        @Test
        void rejectsABodyWithoutAContentDigestHeader() {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY).withoutHeader("content-digest")
                    .signedBy(hmac);

            assertThat(rejectionOf(request)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_MISMATCH);
                assertThat(e.getMessage()).contains("needs a Content-Digest header");
            });
        }

        @Test
        void rejectsAContentDigestThatIsNoDictionary() {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY)
                    .header("content-digest", "sha-256=abc==").signedBy(hmac);

            assertThat(rejectionOf(request)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_MISMATCH);
                assertThat(e.getMessage()).contains("not a valid structured-field dictionary");
            });
        }

        @Test
        void rejectsAContentDigestWithoutSha256() {
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY)
                    .header("content-digest", "sha-512=:AAAA:").signedBy(hmac);

            assertThat(rejectionOf(request)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_MISMATCH);
                assertThat(e.getMessage()).contains("must carry sha-256");
            });
        }

        @Test
        void rejectsATamperedBody() {
            SignedRequest tampered = TestRequest.replacingBody(signedPost(), OFFERS_BODY.replace("chat", "spam"));

            assertThat(rejectionOf(tampered)).satisfies(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_MISMATCH);
                assertThat(e.getMessage()).contains("does not match the body");
            });
        }

        @Test
        void rejectsATamperedBodyWithARecomputedDigestBecauseTheDigestIsSigned() {
            String otherBody = OFFERS_BODY.replace("chat", "spam");
            SignedRequest tampered = TestRequest.replacingHeader(
                    TestRequest.replacingBody(signedPost(), otherBody),
                    "content-digest", TestRequest.contentDigest(otherBody.getBytes()));

            assertRejected(tampered, ErrorCode.AUTHENTICATION_FAILED);
        }

        @Test
        void acceptsOtherDigestsBesideSha256() {
            byte[] body = OFFERS_BODY.getBytes();
            SignedRequest request = TestRequest.post("/v1/offers", OFFERS_BODY)
                    .header("content-digest", "sha-512=:AAAA:, " + TestRequest.contentDigest(body)).signedBy(hmac);

            assertThat(service.authenticate(request).keyId()).isEqualTo(hmac.keyId());
        }
    }

    @Nested
    class WhenTheKeyOrSignatureIsWrong {

        @Test
        void answersAnUnknownKeyExactlyLikeAWrongSignature() {
            TestSigner unknown = hmac.claimingKeyId("hk_AAAAAAAAAAAAAAAAAAAA");
            SignalingException unknownKey = rejectionOf(TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(unknown));
            SignalingException wrongSignature = rejectionOf(
                    TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(TestSigner.hmac(hmac.keyId(), new byte[32])));

            assertThat(unknownKey.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED).isEqualTo(wrongSignature.code());
            assertThat(unknownKey.getMessage()).isEqualTo("signature verification failed")
                    .isEqualTo(wrongSignature.getMessage());
            assertThat(unknownKey.logDetail()).contains("no hmac-sha256 credential");
            assertThat(wrongSignature.logDetail()).contains("does not match");
        }

        @Test
        void rejectsATamperedMethod() {
            assertRejected(TestRequest.replacingMethod(signedPost(), "PUT"), ErrorCode.AUTHENTICATION_FAILED);
        }

        @Test
        void rejectsATamperedPath() {
            assertRejected(TestRequest.replacingPath(signedPost(), "/v1/batch"), ErrorCode.AUTHENTICATION_FAILED);
        }

        @Test
        void rejectsATamperedQueryCoveredThroughItsParts() {
            SignedRequest signed = TestRequest.get("/v1/events").query("after=0")
                    .covering("@method", "@authority", "@path", "@query").signedBy(hmac);
            SignedRequest tampered = new SignedRequest(signed.method(), signed.scheme(), signed.authority(),
                    signed.path(), java.util.Optional.of("after=99"), signed.headers(), signed.body());

            assertRejected(tampered, ErrorCode.AUTHENTICATION_FAILED);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "too-short",
                "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0b",     // 42 characters
                "JrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs",   // base64, not base64url
                "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bt",   // non-canonical final character
        })
        void rejectsAnEd25519KeyIdThatNamesNoKey(String keyId) {
            SignalingException rejection = rejectionOf(
                    TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(ed25519.claimingKeyId(keyId)));

            assertThat(rejection.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(rejection.getMessage()).isEqualTo("signature verification failed");
        }

        @Test
        void rejectsAnEd25519SignatureByAnotherKey() {
            TestSigner impostor = TestSigner.ed25519().claimingKeyId(ed25519.keyId());

            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(impostor),
                    ErrorCode.AUTHENTICATION_FAILED);
        }

        @Test
        void rejectsACredentialIdPresentedAsAnEd25519Key() {
            TestSigner confused = ed25519.claimingKeyId(hmac.keyId());

            assertRejected(TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(confused),
                    ErrorCode.AUTHENTICATION_FAILED);
        }
    }

    @Nested
    class WhenTheCredentialOutlivedItsLifetime {

        /** A request signed at the clock's current time, so that only the credential's age can matter. */
        private SignedRequest signedNow() {
            return TestRequest.post("/v1/offers", OFFERS_BODY).created(clock.instant().getEpochSecond())
                    .signedBy(hmac);
        }

        @Test
        void stillAuthenticatesTheLastMomentBeforeItExpires() {
            clock.advance(LIFETIME.minusSeconds(1));

            assertThat(service.authenticate(signedNow()).keyId()).isEqualTo(hmac.keyId());
        }

        @Test
        void refusesItFromItsExpiryOnExactlyLikeAnUnknownKey() {
            clock.advance(LIFETIME);

            SignalingException expired = rejectionOf(signedNow());

            assertThat(expired.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(expired.getMessage()).isEqualTo("signature verification failed");
            assertThat(expired.logDetail()).contains("credential expired");
        }

        @Test
        void refusesItEvenWhileTheSweepHasNotYetDeletedIt() {
            clock.advance(LIFETIME.plusDays(1));

            assertThat(storage.credentials().find(hmac.keyId())).isPresent();
            assertRejected(signedNow(), ErrorCode.AUTHENTICATION_FAILED);
        }
    }

    @Nested
    class WhenMasterKeysRotate {
        private final byte[] oldKey = masterKey(1);
        private final byte[] newKey = masterKey(2);

        @Test
        void stillAuthenticatesACredentialSealedUnderARetiredKey() {
            AuthenticateRequestService rotated = serviceWith(MasterKeyRing.of(newKey, List.of(oldKey)));

            Identity identity = rotated.authenticate(signedPost());

            assertThat(identity.keyId()).isEqualTo(hmac.keyId());
        }

        @Test
        void refusesACredentialWhoseKeyLeftTheRing() {
            AuthenticateRequestService rotated = serviceWith(MasterKeyRing.of(newKey));

            SignalingException rejection = catchSignalingException(() -> rotated.authenticate(signedPost()));

            assertThat(rejection.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(rejection.getMessage()).isEqualTo("signature verification failed");
            assertThat(rejection.logDetail()).contains("cannot be unsealed");
        }

        @Test
        void sealsNewCredentialsUnderTheNewKeyWhichTheOldRingCannotOpen() {
            MasterKeyRing rotatedRing = MasterKeyRing.of(newKey, List.of(oldKey));
            TestSigner fresh = issueCredential(rotatedRing);

            SignedRequest request = TestRequest.get("/v1/events").signedBy(fresh);

            assertThat(catchSignalingException(() -> service.authenticate(request)).code())
                    .isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(serviceWith(rotatedRing).authenticate(request).keyId()).isEqualTo(fresh.keyId());
        }
    }

    private SignedRequest signedPost() {
        return TestRequest.post("/v1/offers", OFFERS_BODY).signedBy(hmac);
    }

    private AuthenticateRequestService serviceWith(MasterKeyRing ring) {
        return new AuthenticateRequestService(storage.credentials(), storage.nonces(), ring, clock, WINDOW);
    }

    private TestSigner issueCredential(MasterKeyRing ring) {
        IssuedCredential issued = new IssueCredentialService(storage.credentials(), ring, clock, entropy, LIFETIME)
                .issue();
        return TestSigner.hmac(issued.credentialId(), issued.secret());
    }

    private void assertRejected(SignedRequest request, ErrorCode expected) {
        assertThat(rejectionOf(request).code()).isEqualTo(expected);
    }

    private SignalingException rejectionOf(SignedRequest request) {
        return catchSignalingException(() -> service.authenticate(request));
    }

    private static SignalingException catchSignalingException(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as("expected a SignalingException").isInstanceOf(SignalingException.class);
        return (SignalingException) thrown;
    }

    /** A distinct, valid AES-256 key per seed. */
    private static byte[] masterKey(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}

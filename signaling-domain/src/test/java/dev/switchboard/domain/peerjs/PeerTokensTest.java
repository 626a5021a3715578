package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.domain.PeerJsPolicy;
import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.driving.IssuePeerToken;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.PeerAddress;
import dev.switchboard.ports.model.PeerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** PeerJS tokens: issued for an id the caller's key id owns, and, where required, the only way to take an id. */
class PeerTokensTest {
    private static final Duration LIFETIME = Duration.ofHours(2);
    private static final Identity ALICE = TestCore.ALICE;
    private static final Identity BOB = TestCore.BOB;

    private final TestPeerJs peerJs = new TestPeerJs(TestPeerJs.policy(5000, false, 256, 100_000)
            .withAuthentication(PeerJsPolicy.Authentication.TOKEN, LIFETIME));

    private IssuePeerToken.Issued issue(Identity caller, String name) {
        return peerJs.useCases.issuePeerToken().issue(caller, new IssuePeerToken.Request(Optional.ofNullable(name)));
    }

    private void connect(String key, PeerId id, String token) {
        peerJs.connect(key, id.value(), token);
    }

    @Nested
    class Issuing {
        @Test
        void givesTheCallerTheIdItsKeyIdOwnsAsTheHexFingerprintOfTheKeyId() {
            IssuePeerToken.Issued issued = issue(ALICE, null);

            assertThat(issued.id().value()).matches("[0-9a-f]{32}")
                    .isEqualTo(OwnedPeerIds.fingerprint(ALICE.keyId()))
                    .isEqualTo(issue(ALICE, null).id().value())
                    .isNotEqualTo(issue(BOB, null).id().value());
        }

        @Test
        void derivesTheIdAsDocumentedSoClientsCanComputeIt() {
            // docs/peerjs.md: hex(SHA-256("switchboard peerjs id v1" || 0x00 || keyId))[0..32]
            assertThat(OwnedPeerIds.fingerprint("hk_ZXhhbXBsZS1jcmVkLWlk"))
                    .isEqualTo("3e17f90859c40f63fdad2ecad3a49a51");
        }

        @Test
        void putsAChosenNameBeforeTheFingerprint() {
            IssuePeerToken.Issued issued = issue(ALICE, "laptop");

            assertThat(issued.id().value()).isEqualTo("laptop-" + OwnedPeerIds.fingerprint(ALICE.keyId()));
        }

        @Test
        void refusesANameThatIsNotLettersAndDigitsOrTooLong() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> issue(ALICE, "two  spaces"));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> issue(ALICE, "-lead"));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> issue(ALICE, "x".repeat(32)));
            assertThat(issue(ALICE, "x".repeat(31)).id().value()).hasSize(64);
        }

        @Test
        void expiresAfterTheLifetimeInWholeSecondsAndFitsTheClientsQueryUnescaped() {
            IssuePeerToken.Issued issued = issue(ALICE, "x".repeat(31));

            assertThat(issued.expiresAt()).isEqualTo(
                    Instant.ofEpochSecond(peerJs.clock.instant().plus(LIFETIME).getEpochSecond()));
            assertThat(issued.token()).matches("[A-Za-z0-9_-]{1,128}").hasSizeLessThanOrEqualTo(119);
            assertThat(issued.toString()).doesNotContain(issued.token());
        }
    }

    @Nested
    class WhenTokensAreRequired {
        @Test
        void letsTheHolderOfAGenuineTokenTakeItsIdInAnyRealm() {
            IssuePeerToken.Issued issued = issue(ALICE, null);

            connect(KEY, issued.id(), issued.token());
            connect(OTHER_KEY, issued.id(), issued.token());

            assertThat(peerJs.storage.peers().holder(new PeerAddress(KEY, issued.id()))).isPresent();
            assertThat(peerJs.storage.peers().holder(new PeerAddress(OTHER_KEY, issued.id()))).isPresent();
        }

        @Test
        void refusesAnotherIdentitysTokenForAnId() {
            IssuePeerToken.Issued alice = issue(ALICE, "phone");
            IssuePeerToken.Issued bob = issue(BOB, "phone");

            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> connect(KEY, alice.id(), bob.token()));
            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> connect(KEY, bob.id(), alice.token()));
            assertThat(peerJs.storage.peers().holder(new PeerAddress(KEY, alice.id()))).isEmpty();
        }

        @Test
        void refusesAnyIdWithoutATokenAndAForgedOrMangledToken() {
            IssuePeerToken.Issued issued = issue(ALICE, null);
            String token = issued.token();
            char last = token.charAt(token.length() - 1);
            String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> connect(KEY, new PeerId("alice"), "random-token"));
            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> connect(KEY, issued.id(), flipped));
            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> connect(KEY, issued.id(), token + "x"));
            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> connect(KEY, issued.id(), "x".repeat(600)));
        }

        @Test
        void refusesATokenSignedWithAnotherServersKey() {
            IssuePeerToken.Issued issued = issue(ALICE, null);
            byte[] otherKey = new byte[32];
            otherKey[0] = 1;
            String forged = new PeerTokens(ServerSigningKey.of(otherKey))
                    .issue(issued.id(), issued.expiresAt());

            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> connect(KEY, issued.id(), forged));
        }

        @Test
        void refusesAnExpiredTokenSayingSo() {
            IssuePeerToken.Issued issued = issue(ALICE, null);
            peerJs.passTime(LIFETIME);

            assertThatThrownBy(() -> connect(KEY, issued.id(), issued.token()))
                    .isInstanceOfSatisfying(SignalingException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.PEER_TOKEN_INVALID);
                        assertThat(refusal.getMessage()).contains("expired");
                    });
        }

        @Test
        void stillChecksTheKeyFirst() {
            IssuePeerToken.Issued issued = issue(ALICE, null);

            assertRefused(ErrorCode.PEER_KEY_INVALID, () -> connect("unknown", issued.id(), issued.token()));
        }

        @Test
        void replacesTheSocketOfAReconnectWithTheSameToken() {
            IssuePeerToken.Issued issued = issue(ALICE, null);
            peerJs.connect(KEY, issued.id().value(), issued.token());

            assertThat(peerJs.connect(KEY, issued.id().value(), issued.token()).supersededConnectionId()).isPresent();
        }

        @Test
        void drawsNoRandomIds() {
            assertRefused(ErrorCode.PEER_TOKEN_INVALID, () -> peerJs.useCases.generatePeerId().generate(KEY));
            assertRefused(ErrorCode.PEER_KEY_INVALID, () -> peerJs.useCases.generatePeerId().generate("unknown"));
        }
    }

    @Nested
    class WhenTokensAreNotRequired {
        private final PeerJsUseCases open = new TestPeerJs().useCases;

        @Test
        void letsAnyClientClaimAnyFreeIdWithAnyTokenAsPeerDoes() {
            PeerId id = new PeerId(OwnedPeerIds.fingerprint(ALICE.keyId()));

            open.connectPeer().connect(new ConnectPeer.Request(KEY, id, "anything",
                    TestPeerJs.ADDRESS));
            assertThat(open.generatePeerId().generate(KEY).value()).hasSize(36);
        }

        @Test
        void stillIssuesTokensThatWorkAsOrdinaryTokens() {
            IssuePeerToken.Issued issued = open.issuePeerToken()
                    .issue(ALICE, new IssuePeerToken.Request(Optional.empty()));

            assertThat(open.connectPeer().connect(new ConnectPeer.Request(KEY,
                    issued.id(), issued.token(), TestPeerJs.ADDRESS)).session().peer().id()).isEqualTo(issued.id());
        }
    }

    @Test
    void laysTheTokenOutAsVersionExpiryIdAndTag() {
        String token = issue(ALICE, null).token();

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(1 + 8 + 32 + 16);
    }
}

package dev.switchboard.domain;

import static dev.switchboard.domain.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.AdmitRequest;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import dev.switchboard.ports.testing.SettableClock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the builder wires, and what it chooses when a policy is left out. */
class SignalingCoreTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final SettableClock clock = SettableClock.atFixedStart();
    private final SignalingPolicy policy = new TestCore().policy;
    private final PairingPolicy pairingPolicy = PairingPolicy.defaults(TestCore.SIGNING_KEY);

    private SignalingCore.Builder builder() {
        return SignalingCore.builder(storage, clock, new PredictableEntropy(), policy, pairingPolicy);
    }

    @Test
    void buildsAConsumerServerWithTheDefaultRateLimitsWhenNothingElseIsSaid() {
        SignalingCore core = builder().build();

        assertThat(core.enterprise().describeEdition().describe().edition()).isEqualTo(Edition.CONSUMER);
        AdmitRequest limiter = core.operations().admitRequest();
        assertThat(limiter.admit(LimitedAction.CREDENTIAL_ISSUANCE, LimitSubject.address("203.0.113.9")).quota())
                .isEqualTo(RateLimitPolicy.defaults().credentialsPerAddress().orElseThrow().quota());
    }

    @Test
    void keepsTheShortFactoryWiringTheSameDefaults() {
        SignalingCore core = SignalingCore.create(storage, clock, new PredictableEntropy(), policy, pairingPolicy);

        assertThat(core.operations().admitRequest().limits(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS))
                .isTrue();
        assertThat(core.reencryptSecrets()).isNotNull();
        assertThat(core.sweeper()).isNotNull();
    }

    @Test
    void honoursTheRateLimitsAndTheEditionItIsGiven() {
        SignalingCore core = builder()
                .enterprise(TestCore.enterpriseEdition())
                .rateLimits(RateLimitPolicy.unlimited())
                .build();

        assertThat(core.enterprise().describeEdition().describe().edition()).isEqualTo(Edition.ENTERPRISE);
        assertThat(core.operations().admitRequest().limits(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS))
                .isFalse();
    }

    @Test
    void honoursTheTransferPolicyItIsGiven() {
        TransferPolicy d = TransferPolicy.defaults(TestCore.SIGNING_KEY);
        TransferPolicy oneChunk = new TransferPolicy(1, d.maxChunkBytes(), d.maxChunkBytes(), d.maxServerBytes(),
                d.minTtl(), d.defaultTtl(), d.maxTtl(), d.activityExtension(), d.maxLifetime(), d.retention(),
                d.maxLiveTransfersPerIdentity(), d.maxLiveTransfersPerAddress(), d.claimFailureBudget(),
                d.claimFailureWindow(), d.maxVerifierLength(), d.signingKey());

        SignalingCore core = builder().transfers(oneChunk).build();

        assertRefused(ErrorCode.VALIDATION_FAILED, () -> core.transfers().createTransfer().create(TestCore.ALICE,
                new CreateTransfer.Request(2, 16, OptionalLong.empty(), Optional.empty(), Optional.empty(),
                        "198.51.100.1")));
    }

    @Test
    void servesThePeerJsDefaultsWhenNoPeerJsPolicyIsGiven() {
        SignalingCore core = builder().build();

        assertThat(core.peerJs().generatePeerId().generate("peerjs").value()).hasSize(36);
        assertRefused(ErrorCode.PEER_KEY_INVALID, () -> core.peerJs().generatePeerId().generate("other"));
        assertRefused(ErrorCode.PEER_DISCOVERY_DISABLED, () -> core.peerJs().listPeers().list("peerjs"));
    }

    @Test
    void honoursThePeerJsPolicyItIsGiven() {
        PeerJsPolicy d = PeerJsPolicy.defaults();
        PeerJsPolicy discoverable = new PeerJsPolicy(Set.of("my-app"), d.expireTimeout(), d.aliveTimeout(),
                d.concurrentLimit(), true, d.maxQueuedPerPeer(), d.maxQueuedTotal(), d.maxPayloadChars());

        SignalingCore core = builder().peerJs(discoverable).build();

        assertThat(core.peerJs().listPeers().list("my-app")).isEmpty();
        assertRefused(ErrorCode.PEER_KEY_INVALID, () -> core.peerJs().listPeers().list("peerjs"));
    }
}

package dev.switchboard.domain;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.OperationsUseCases;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.driving.ReencryptSecrets;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.SweepExpired;
import dev.switchboard.ports.driving.TransferUseCases;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.Tags;
import dev.switchboard.ports.testing.SettableClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SignalingCore} over the real in-memory stores, a settable clock and predictable entropy, with
 * the peers and one-line steps that domain tests share.
 */
public final class TestCore {
    public static final Identity ALICE = peer("alice");
    public static final Identity BOB = peer("bob");
    public static final Identity CAROL = peer("carol");
    public static final ServiceName CHAT = new ServiceName("chat:1.0");
    public static final Sdp OFFER_SDP = new Sdp("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n");
    public static final Sdp ANSWER_SDP = new Sdp("v=0\r\no=- 2 2 IN IP4 0.0.0.0\r\n");
    public static final ServerSigningKey SIGNING_KEY = testSigningKey();
    /** The admin bearer token of {@link #enterpriseEdition()}. */
    public static final String ADMIN_TOKEN = "admin-token-long-enough-to-be-unguessable-0123456789";
    /** The Ed25519 identity {@link #enterpriseEdition()} names as an admin key. */
    public static final Identity ADMIN_KEY = peer("operator");

    public final SettableClock clock = SettableClock.atFixedStart();
    public final SignalingStorage storage;
    public final SignalingPolicy policy = SignalingPolicy.defaults(testKeys());
    public final PairingPolicy pairingPolicy = PairingPolicy.defaults(SIGNING_KEY);
    public final TransferPolicy transferPolicy;
    public final EnterprisePolicy enterprisePolicy;
    private final SignalingCore core;

    public TestCore() {
        this(new InMemoryStorage());
    }

    /** A Consumer core over {@code storage}, for tests that wrap the in-memory stores to watch an interaction. */
    public TestCore(SignalingStorage storage) {
        this.storage = storage;
        this.transferPolicy = TransferPolicy.defaults(SIGNING_KEY);
        this.enterprisePolicy = EnterprisePolicy.consumer();
        this.core = SignalingCore.create(storage, clock, new PredictableEntropy(), policy, pairingPolicy);
    }

    /** A core with the given transfer and edition rules, over {@code storage} and {@code entropy}. */
    public TestCore(SignalingStorage storage, Entropy entropy, TransferPolicy transferPolicy,
            EnterprisePolicy enterprisePolicy) {
        this(storage, entropy, transferPolicy, enterprisePolicy, RateLimitPolicy.defaults());
    }

    /** A core with the given transfer, edition and rate-limit rules, over {@code storage} and {@code entropy}. */
    public TestCore(SignalingStorage storage, Entropy entropy, TransferPolicy transferPolicy,
            EnterprisePolicy enterprisePolicy, RateLimitPolicy rateLimitPolicy) {
        this.storage = storage;
        this.transferPolicy = transferPolicy;
        this.enterprisePolicy = enterprisePolicy;
        this.core = SignalingCore.builder(storage, clock, entropy, policy, pairingPolicy)
                .transfers(transferPolicy)
                .enterprise(enterprisePolicy)
                .rateLimits(rateLimitPolicy)
                .build();
    }

    /** A core over fresh in-memory stores with the given edition and rate limits. */
    public static TestCore limited(EnterprisePolicy enterprisePolicy, RateLimitPolicy rateLimitPolicy) {
        return new TestCore(new InMemoryStorage(), new PredictableEntropy(), TransferPolicy.defaults(SIGNING_KEY),
                enterprisePolicy, rateLimitPolicy);
    }

    /** An Enterprise core over fresh in-memory stores, with the test admin credentials. */
    public static TestCore enterprise() {
        return new TestCore(new InMemoryStorage(), new PredictableEntropy(), TransferPolicy.defaults(SIGNING_KEY),
                enterpriseEdition());
    }

    /** The Enterprise edition, admin by {@link #ADMIN_TOKEN} or a signature of {@link #ADMIN_KEY}. */
    public static EnterprisePolicy enterpriseEdition() {
        return EnterprisePolicy.consumer().withEdition(Edition.ENTERPRISE,
                Optional.of(EnterprisePolicy.hashAdminToken(ADMIN_TOKEN)), Set.of(ADMIN_KEY.keyId()));
    }

    public SignalingUseCases useCases() {
        return core.useCases();
    }

    public PairingUseCases pairing() {
        return core.pairing();
    }

    public TransferUseCases transfers() {
        return core.transfers();
    }

    public EnterpriseUseCases enterpriseUseCases() {
        return core.enterprise();
    }

    public PeerJsUseCases peerJs() {
        return core.peerJs();
    }

    public SweepExpired sweeper() {
        return core.sweeper();
    }

    public OperationsUseCases operations() {
        return core.operations();
    }

    public ReencryptSecrets reencryptSecrets() {
        return core.reencryptSecrets();
    }

    public static Identity peer(String name) {
        return new Identity(SignatureAlgorithm.ED25519, name + "-key");
    }

    public static IceCandidate candidate(String label) {
        return new IceCandidate("{\"candidate\":\"" + label + "\",\"sdpMLineIndex\":0}");
    }

    public Offer publish(Identity owner) {
        return publish(owner, Tags.none(), Optional.empty());
    }

    public Offer publish(Identity owner, Tags tags) {
        return publish(owner, tags, Optional.empty());
    }

    public Offer publish(Identity owner, Duration ttl) {
        return publish(owner, Tags.none(), Optional.of(ttl));
    }

    public Offer publish(Identity owner, Tags tags, Optional<Duration> ttl) {
        return useCases().publishOffers()
                .publish(owner, new PublishOffers.Request(CHAT, tags, List.of(OFFER_SDP), ttl)).get(0);
    }

    public AnswerOffer.Result answer(Identity answerer, Offer offer) {
        return useCases().answerOffer().answer(answerer, new AnswerOffer.Request(offer.id(), ANSWER_SDP));
    }

    public List<Candidate> addCandidates(Identity caller, Offer offer, String... labels) {
        List<IceCandidate> candidates = Arrays.stream(labels).map(TestCore::candidate).toList();
        return useCases().addIceCandidates().add(caller, new AddIceCandidates.Request(offer.id(), candidates));
    }

    private static ServerSigningKey testSigningKey() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 5);
        return ServerSigningKey.of(key);
    }

    private static MasterKeyRing testKeys() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return MasterKeyRing.of(key);
    }
}

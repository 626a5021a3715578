package dev.switchboard.domain;

import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PeerJsUseCases;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.SweepExpired;
import dev.switchboard.ports.driving.TransferUseCases;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SweepExpiredServiceTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final TestCore core = new TestCore(storage);
    private final SweepExpired sweeper = core.sweeper();

    private boolean remember(String nonce) {
        return core.storage.nonces().rememberIfAbsent(BOB.keyId(), nonce, core.clock.instant().plusSeconds(600));
    }

    @Nested
    class WhenSomeRecordsHaveExpired {
        private final Offer shortLived = core.publish(ALICE, Duration.ofSeconds(30));
        private final Offer longLived = core.publish(ALICE, Duration.ofMinutes(10));
        private final Offer answered = core.publish(ALICE, Duration.ofSeconds(30));

        WhenSomeRecordsHaveExpired() {
            core.storage.nonces().rememberIfAbsent(BOB.keyId(), "nonce-soon", core.clock.instant().plusSeconds(60));
            core.storage.nonces().rememberIfAbsent(BOB.keyId(), "nonce-later", core.clock.instant().plusSeconds(600));
            core.answer(BOB, answered);
            core.clock.advance(Duration.ofSeconds(60));
        }

        @Test
        void deletesExpiredOffersAndForgetsExpiredNonces() {
            assertThat(sweeper.sweep()).isEqualTo(new SweepExpired.Swept(1, 1, 0, 0, 0));

            assertThat(core.storage.offers().find(shortLived.id())).isEmpty();
            assertThat(remember("nonce-soon")).as("a forgotten nonce is new again").isTrue();
        }

        @Test
        void keepsLiveOffersAndAnsweredOffersWithinTheirRetention() {
            sweeper.sweep();

            assertThat(core.storage.offers().find(longLived.id())).isPresent();
            assertThat(core.storage.offers().find(answered.id())).isPresent();
            assertThat(remember("nonce-later")).as("a remembered nonce is still a replay").isFalse();
        }

        @Test
        void findsNothingMoreToSweepTheSecondTime() {
            sweeper.sweep();

            assertThat(sweeper.sweep()).isEqualTo(new SweepExpired.Swept(0, 0, 0, 0, 0));
        }
    }

    @Nested
    class WhenPairingRecordsAreDue {
        private final PairingUseCases pairing = core.pairing();
        private final SweepExpired fullSweeper = core.sweeper();
        private final PairingSession shortSession = open(ALICE, Duration.ofSeconds(30));
        private final PairingSession longSession = open(BOB, Duration.ofHours(1));

        WhenPairingRecordsAreDue() {
            Instant start = core.clock.instant();
            pairing.joinSession().join(CAROL, new JoinSession.Request(
                    Optional.of(longSession.code()), Optional.empty(), "203.0.113.7"));
            storage.counters().incrementAndGet("soon", start.plusSeconds(60));
            storage.counters().incrementAndGet("later", start.plusSeconds(600));
            core.clock.advance(Duration.ofSeconds(40));
            pairing.keepAlive().keepAlive(BOB);
            core.clock.advance(Duration.ofSeconds(30));
        }

        private PairingSession open(Identity host, Duration ttl) {
            return pairing.openSession().open(host, new OpenSession.Request(OptionalInt.empty(), Optional.of(ttl)))
                    .session();
        }

        @Test
        void deletesExpiredSessionsAndCountersAndTimesOutSilentMembers() {
            assertThat(fullSweeper.sweep()).isEqualTo(new SweepExpired.Swept(0, 0, 1, 1, 1));

            assertThat(storage.sessions().find(shortSession.id())).isEmpty();
            assertThat(storage.sessions().find(longSession.id()).orElseThrow().members())
                    .extracting(member -> member.keyId()).containsExactly(BOB.keyId());
            assertThat(storage.counters().get("soon", core.clock.instant())).isZero();
            assertThat(storage.counters().get("later", core.clock.instant())).isOne();
        }

        @Test
        void findsNothingMoreToSweepTheSecondTime() {
            fullSweeper.sweep();

            assertThat(fullSweeper.sweep()).isEqualTo(new SweepExpired.Swept(0, 0, 0, 0, 0));
        }
    }

    @Nested
    class WhenTransfersAndDevicesAreDue {
        private final TestCore enterprise = TestCore.enterprise();
        private final TransferUseCases transfers = enterprise.transfers();
        private final CreateTransfer.Created unfinished = create(enterprise, ALICE);
        private final CreateTransfer.Created finished = create(enterprise, ALICE);

        WhenTransfersAndDevicesAreDue() {
            transfers.uploadChunk().upload(ALICE, unfinished.senderToken(), unfinished.transfer().id(), 0, new byte[] {1});
            ClaimTransfer.Claimed claimed = transfers.claimTransfer().claim(BOB,
                    new ClaimTransfer.Request(finished.transfer().code(), Optional.empty(), "198.51.100.1"));
            transfers.uploadChunk().upload(ALICE, finished.senderToken(), finished.transfer().id(), 0, new byte[] {2});
            transfers.acknowledgeChunk().acknowledge(BOB, claimed.receiverToken(), finished.transfer().id(), 0);
            enterprise.enterpriseUseCases().registerDevice().register(CAROL, new RegisterDevice.Request(
                    new DeviceId("short-lived"), "phone", new byte[] {3}, Optional.empty(),
                    Optional.of(Duration.ofMinutes(1))));
            enterprise.clock.advance(Duration.ofMinutes(16));
        }

        @Test
        void purgesUnfinishedTransfersAndDeletesExpiredDevices() {
            SweepExpired.Swept swept = enterprise.sweeper().sweep();

            assertThat(swept.expiredTransfers()).isOne();
            assertThat(swept.forgottenTransfers()).isZero();
            assertThat(swept.devices()).isOne();
            assertThat(enterprise.storage.transfers().find(unfinished.transfer().id()).orElseThrow().purgedAt())
                    .isPresent();
            assertThat(enterprise.storage.transfers().find(finished.transfer().id()).orElseThrow().purgedAt())
                    .isEmpty();
            assertThat(enterprise.storage.devices().find(new DeviceId("short-lived"))).isEmpty();
        }

        @Test
        void forgetsTransfersOnceTheirRetentionHasPassed() {
            enterprise.sweeper().sweep();
            enterprise.clock.advance(enterprise.transferPolicy.retention());

            SweepExpired.Swept swept = enterprise.sweeper().sweep();

            assertThat(swept.expiredTransfers()).isZero();
            assertThat(swept.forgottenTransfers()).isEqualTo(2);
            assertThat(enterprise.storage.transfers().find(unfinished.transfer().id())).isEmpty();
        }
    }

    @Nested
    class WhenMoreTransfersExpireThanOneBatchHolds {
        private final TestCore core = new TestCore(new InMemoryStorage(), new PredictableEntropy(), roomy(),
                EnterprisePolicy.consumer());

        private static TransferPolicy roomy() {
            TransferPolicy d = TransferPolicy.defaults(TestCore.SIGNING_KEY);
            return new TransferPolicy(d.maxChunkCount(), d.maxChunkBytes(), d.maxTransferBytes(), d.maxServerBytes(),
                    d.minTtl(), d.defaultTtl(), d.maxTtl(), d.activityExtension(), d.maxLifetime(), d.retention(),
                    10_000, 10_000, d.claimFailureBudget(), d.claimFailureWindow(), d.maxVerifierLength(),
                    d.signingKey());
        }

        @Test
        void purgesThemAllInOneSweep() {
            int count = SweepExpiredService.TRANSFER_BATCH * 2 + 1;
            for (int i = 0; i < count; i++) {
                create(core, ALICE);
            }
            core.clock.advance(Duration.ofMinutes(16));

            assertThat(core.sweeper().sweep().expiredTransfers()).isEqualTo(count);
            assertThat(core.sweeper().sweep().expiredTransfers()).isZero();
        }
    }

    @Nested
    class WhenRateLimitBucketsRefillAndCredentialsOutliveTheirLifetime {
        private final TestCore core = TestCore.limited(EnterprisePolicy.consumer(), RateLimitPolicy.defaults());
        private final IssuedCredential old = core.useCases().issueCredential().issue();

        WhenRateLimitBucketsRefillAndCredentialsOutliveTheirLifetime() {
            core.operations().admitRequest().admit(LimitedAction.API_CALL, LimitSubject.address("203.0.113.9"));
            core.operations().admitRequest().admit(LimitedAction.CREDENTIAL_ISSUANCE,
                    LimitSubject.address("203.0.113.9"));
        }

        @Test
        void keepsBucketsThatAreNotFullAndCredentialsWithinTheirLifetime() {
            SweepExpired.Swept swept = core.sweeper().sweep();

            assertThat(swept.rateLimitBuckets()).isZero();
            assertThat(swept.credentials()).isZero();
            assertThat(core.storage.credentials().find(old.credentialId())).isPresent();
        }

        @Test
        void deletesFullBucketsAndExpiredCredentials() {
            core.clock.advance(core.policy.credentialLifetime().minusDays(1));
            IssuedCredential fresh = core.useCases().issueCredential().issue();
            core.clock.advance(Duration.ofDays(1));

            SweepExpired.Swept swept = core.sweeper().sweep();

            assertThat(swept.rateLimitBuckets()).isEqualTo(2);
            assertThat(swept.credentials()).isOne();
            assertThat(core.storage.credentials().find(old.credentialId())).isEmpty();
            assertThat(core.storage.credentials().find(fresh.credentialId())).isPresent();
            assertThat(core.sweeper().sweep()).isEqualTo(new SweepExpired.Swept(0, 0, 0, 0, 0));
        }
    }

    @Nested
    class WhenPeerJsStateIsDue {
        private final PeerJsUseCases peerJs = core.peerJs();
        private final PeerSession alice = connect("alice");
        private final PeerSession silent = connect("silent");

        WhenPeerJsStateIsDue() {
            peerJs.relayPeerMessage().relay(alice, PeerMessageType.OFFER, new PeerId("absent"), "{}");
        }

        private PeerSession connect(String id) {
            return peerJs.connectPeer()
                    .connect(new ConnectPeer.Request("peerjs", new PeerId(id), "token-" + id, "198.51.100.1"))
                    .session();
        }

        @Test
        void expiresUndeliveredMessagesAndTellsTheirSenders() {
            core.clock.advance(PeerJsPolicy.defaults().expireTimeout().plusMillis(1));

            SweepExpired.Swept swept = sweeper.sweep();

            assertThat(swept.expiredPeerMessages()).isOne();
            assertThat(swept.stalePeers()).isZero();
            assertThat(peerJs.receivePeerMessages().receive(alice, 0, 10)).extracting(PeerMessage::type)
                    .containsExactly(PeerMessageType.EXPIRE);
        }

        @Test
        void forgetsConnectionsOnlyOnceTheyWereSilentWellPastTheAliveTimeout() {
            Duration aliveTimeout = PeerJsPolicy.defaults().aliveTimeout();
            core.clock.advance(aliveTimeout.plus(SweepExpiredService.STALE_PEER_MARGIN));
            peerJs.keepPeerAlive().keepAlive(alice);
            assertThat(sweeper.sweep().stalePeers()).isZero();

            core.clock.advance(Duration.ofMillis(1));
            SweepExpired.Swept swept = sweeper.sweep();

            assertThat(swept.stalePeers()).isOne();
            assertThat(storage.peers().holder(silent.peer())).isEmpty();
            assertThat(storage.peers().holder(alice.peer())).isPresent();
        }
    }

    private static CreateTransfer.Created create(TestCore core, Identity sender) {
        return core.transfers().createTransfer().create(sender, new CreateTransfer.Request(1, 16, OptionalLong.empty(),
                Optional.empty(), Optional.empty(), "198.51.100.1"));
    }
}

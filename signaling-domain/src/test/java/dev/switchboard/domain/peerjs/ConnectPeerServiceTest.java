package dev.switchboard.domain.peerjs;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.peerjs.TestPeerJs.KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.OTHER_KEY;
import static dev.switchboard.domain.peerjs.TestPeerJs.tokenOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ConnectPeer;
import dev.switchboard.ports.model.PeerConnection;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.testing.Race;
import dev.switchboard.ports.testing.WakeCounter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectPeerServiceTest {
    private final TestPeerJs peerJs = new TestPeerJs();

    @Nested
    class WhenTheIdIsFree {
        @Test
        void givesTheIdToTheSocketAndRecordsItsConnection() {
            ConnectPeer.Connected connected = peerJs.connect(KEY, "alice", tokenOf("alice"));

            assertThat(connected.supersededConnectionId()).isEmpty();
            assertThat(connected.session().peer()).isEqualTo(TestPeerJs.address("alice"));
            PeerConnection holder = peerJs.storage.peers().holder(TestPeerJs.address("alice")).orElseThrow();
            assertThat(holder.connectionId()).isEqualTo(connected.session().connectionId());
            assertThat(holder.token()).isEqualTo(tokenOf("alice"));
            assertThat(holder.clientAddress()).isEqualTo(TestPeerJs.ADDRESS);
            assertThat(holder.openedAt()).isEqualTo(peerJs.clock.instant());
            assertThat(holder.lastSeenAt()).isEqualTo(peerJs.clock.instant());
        }

        @Test
        void givesEverySocketADistinctUnguessableUrlSafeConnectionId() {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                ids.add(peerJs.connect("peer-" + i).connectionId());
            }

            assertThat(ids).hasSize(50).allMatch(id -> id.matches("[A-Za-z0-9_-]{22}"));
        }

        @Test
        void refusesAKeyTheServerDoesNotServeWithTheTextThePeerJsClientShows() {
            assertThatThrownBy(() -> peerJs.connect("unknown", "alice", tokenOf("alice")))
                    .isInstanceOfSatisfying(SignalingException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.PEER_KEY_INVALID);
                        assertThat(refusal.getMessage()).isEqualTo("Invalid key provided");
                    });
            assertThat(peerJs.storage.peers().holder(TestPeerJs.address("alice"))).isEmpty();
        }

        @Test
        void refusesABlankOrOverlongToken() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> peerJs.connect(KEY, "alice", ""));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> peerJs.connect(KEY, "alice", "   "));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> peerJs.connect(KEY, "alice", "t".repeat(129)));
            assertThat(peerJs.connect(KEY, "alice", "t".repeat(128)).session()).isNotNull();
        }
    }

    @Nested
    class WhenAnotherTokenHoldsTheId {
        private final PeerSession first = peerJs.connect("alice");

        @Test
        void refusesTheSecondSocketAsTakenWithTheTextThePeerJsClientShows() {
            assertThatThrownBy(() -> peerJs.connect(KEY, "alice", "a-different-token"))
                    .isInstanceOfSatisfying(SignalingException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.PEER_ID_TAKEN);
                        assertThat(refusal.getMessage()).isEqualTo("ID is taken");
                    });
            assertThat(peerJs.storage.peers().holder(first.peer()).orElseThrow().connectionId())
                    .isEqualTo(first.connectionId());
        }

        @Test
        void stillRefusesItWhileTheHolderIsKeptAlive() {
            peerJs.passTime(Duration.ofSeconds(50));
            assertThat(peerJs.useCases.keepPeerAlive().keepAlive(first)).isTrue();
            peerJs.passTime(Duration.ofSeconds(50));

            assertRefused(ErrorCode.PEER_ID_TAKEN, () -> peerJs.connect(KEY, "alice", "a-different-token"));
        }

        @Test
        void givesTheIdAwayOnceTheHolderWasSilentForTheAliveTimeout() {
            peerJs.passTime(peerJs.policy.aliveTimeout().plusMillis(1));

            ConnectPeer.Connected squatter = peerJs.connect(KEY, "alice", "a-different-token");

            assertThat(squatter.supersededConnectionId()).isEmpty();
            assertThat(peerJs.useCases.keepPeerAlive().keepAlive(first)).isFalse();
            assertRefused(ErrorCode.PEER_SUPERSEDED, () -> peerJs.receive(first));
        }

        @Test
        void givesTheIdAwayAtOnceWhenTheHolderDisconnected() {
            peerJs.useCases.disconnectPeer().disconnect(first);

            assertThat(peerJs.connect(KEY, "alice", "a-different-token").session().peer()).isEqualTo(first.peer());
        }

        @Test
        void letsTheSameIdBeTakenInAnotherRealm() {
            ConnectPeer.Connected elsewhere = peerJs.connect(OTHER_KEY, "alice", "a-different-token");

            assertThat(elsewhere.session().peer().key()).isEqualTo(OTHER_KEY);
            assertThat(elsewhere.supersededConnectionId()).isEmpty();
        }
    }

    @Nested
    class WhenTheSameTokenReconnects {
        private final PeerSession old = peerJs.connect("alice");
        private final WakeCounter oldSocket = peerJs.watch(old);

        @Test
        void supersedesTheOldSocketAndNamesIt() {
            ConnectPeer.Connected fresh = peerJs.connect(KEY, "alice", tokenOf("alice"));

            assertThat(fresh.supersededConnectionId()).contains(old.connectionId());
            assertThat(fresh.session().connectionId()).isNotEqualTo(old.connectionId());
            assertThat(peerJs.storage.peers().holder(old.peer()).orElseThrow().connectionId())
                    .isEqualTo(fresh.session().connectionId());
        }

        @Test
        void wakesTheOldSocketSoItNoticesItLostTheId() {
            peerJs.connect(KEY, "alice", tokenOf("alice"));

            assertThat(oldSocket.count()).isOne();
            assertThat(peerJs.useCases.keepPeerAlive().keepAlive(old)).isFalse();
        }

        @Test
        void refusesEverythingTheOldSocketStillTries() {
            PeerSession fresh = peerJs.connect(KEY, "alice", tokenOf("alice")).session();
            peerJs.connect("bob");

            assertRefused(ErrorCode.PEER_SUPERSEDED, () -> peerJs.relay(old, PeerMessageType.OFFER, "bob"));
            assertRefused(ErrorCode.PEER_SUPERSEDED, () -> peerJs.receive(old));
            assertRefused(ErrorCode.PEER_SUPERSEDED,
                    () -> peerJs.useCases.receivePeerMessages().acknowledge(old, 1));
            assertRefused(ErrorCode.PEER_SUPERSEDED, () -> peerJs.watch(old));
            peerJs.useCases.disconnectPeer().disconnect(old);
            assertThat(peerJs.useCases.keepPeerAlive().keepAlive(fresh)).isTrue();
        }

        @Test
        void replacesAnOldSocketThatWasAlreadyStaleWithoutNamingIt() {
            peerJs.passTime(peerJs.policy.aliveTimeout().plusMillis(1));

            ConnectPeer.Connected fresh = peerJs.connect(KEY, "alice", tokenOf("alice"));

            assertThat(fresh.supersededConnectionId()).isEqualTo(Optional.empty());
            assertThat(peerJs.useCases.keepPeerAlive().keepAlive(old)).isFalse();
        }
    }

    @Nested
    class WhenManySocketsClaimAtOnce {
        @Test
        void givesAnIdToExactlyOneOfManyTokens() {
            List<Boolean> won = Race.run(64, i -> {
                try {
                    peerJs.connect(KEY, "alice", "token-" + i);
                    return true;
                } catch (SignalingException refusal) {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.PEER_ID_TAKEN);
                    return false;
                }
            });

            assertThat(won).containsOnlyOnce(true);
        }

        @Test
        void neverLetsARealmPassItsConcurrentLimit() {
            TestPeerJs small = new TestPeerJs(TestPeerJs.policy(10, false, 256, 100_000));

            List<Boolean> won = Race.run(64, i -> {
                try {
                    small.connect("peer-" + i);
                    return true;
                } catch (SignalingException refusal) {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
                    return false;
                }
            });

            assertThat(won).filteredOn(Boolean::booleanValue).hasSize(10);
        }
    }

    @Nested
    class WhenTheRealmIsAtItsConcurrentLimit {
        private final TestPeerJs small = new TestPeerJs(TestPeerJs.policy(2, false, 256, 100_000));

        WhenTheRealmIsAtItsConcurrentLimit() {
            small.connect("alice");
            small.connect("bob");
        }

        @Test
        void refusesANewIdWithTheTextThePeerJsClientShows() {
            assertThatThrownBy(() -> small.connect("carol"))
                    .isInstanceOfSatisfying(SignalingException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ErrorCode.LIMIT_REACHED);
                        assertThat(refusal.getMessage()).isEqualTo("Server has reached its concurrent user limit");
                    });
        }

        @Test
        void stillLetsAPeerReconnectWithItsToken() {
            assertThat(small.connect(KEY, "alice", tokenOf("alice")).supersededConnectionId()).isPresent();
        }

        @Test
        void countsEachRealmOnItsOwn() {
            assertThat(small.connect(OTHER_KEY, "carol", tokenOf("carol")).session().peer().key())
                    .isEqualTo(OTHER_KEY);
        }

        @Test
        void makesRoomWhenAPeerFallsSilent() {
            small.passTime(small.policy.aliveTimeout().plusMillis(1));

            assertThat(small.connect("carol").peer().id().value()).isEqualTo("carol");
        }
    }
}

package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ports.model.PeerMessageType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeerJsHandshakeTest {
    @RegisterExtension
    final RunningPeerJs running = new RunningPeerJs(useCasesBlock());

    /** Whether the server runs use cases on worker threads; a subclass runs the same tests on the network threads. */
    boolean useCasesBlock() {
        return true;
    }

    @BeforeEach
    void start() {
        running.start();
    }

    @Test
    void opensASocketWithCredentials() {
        try (PeerClient client = PeerClient.connect(running.port(), "key=peerjs&id=alice&token=secret&version=1.5.4")) {
            assertThat(client.next()).isEqualTo("{\"type\":\"OPEN\"}");
            assertThat(running.peerJs.holds("alice")).isTrue();
        }
    }

    @Test
    void refusesASocketWithoutIdTokenOrKeyAndClosesIt() {
        try (PeerClient client = PeerClient.connect(running.port(), "key=peerjs&id=alice")) {
            assertThat(client.next()).isEqualTo(
                    "{\"type\":\"ERROR\",\"payload\":{\"msg\":\"No id, token, or key supplied to websocket server\"}}");
            assertThat(client.closeCode()).isEqualTo(1008);
            assertThat(running.peerJs.holds("alice")).isFalse();
        }
    }

    @Test
    void refusesATokenThatIsNotForTheIdWhereTokensAreRequiredAndClosesTheSocket() {
        running.peerJs.tokensRequired = true;
        try (PeerClient refused = PeerClient.connect(running.port(), "key=peerjs&id=alice&token=token-for-bob");
                PeerClient holder = PeerClient.connect(running.port(), "key=peerjs&id=bob&token=token-for-bob")) {
            assertThat(refused.next())
                    .isEqualTo("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"Invalid token: not for this id\"}}");
            assertThat(refused.closeCode()).isEqualTo(1008);
            assertThat(running.peerJs.holds("alice")).isFalse();
            assertThat(holder.next()).isEqualTo("{\"type\":\"OPEN\"}");
        }
    }

    @Test
    void refusesAnInvalidKeyAndClosesTheSocket() {
        try (PeerClient client = PeerClient.connect(running.port(), "key=wrong&id=alice&token=t")) {
            assertThat(client.next()).isEqualTo("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"Invalid key provided\"}}");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void tellsASecondTokenThatTheIdIsTakenAndClosesIt() {
        try (PeerClient holder = PeerClient.open(running.port(), "alice", "one");
                PeerClient squatter = PeerClient.connect(running.port(), "key=peerjs&id=alice&token=two")) {
            assertThat(squatter.next()).isEqualTo("{\"type\":\"ID-TAKEN\",\"payload\":{\"msg\":\"ID is taken\"}}");
            assertThat(squatter.closeCode()).isEqualTo(1008);
            assertThat(holder.isClosed()).isFalse();
        }
    }

    @Test
    void refusesAPeerBeyondTheConcurrentLimit() {
        running.peerJs.concurrentLimit = 1;
        try (PeerClient first = PeerClient.open(running.port(), "alice");
                PeerClient second = PeerClient.connect(running.port(), "key=peerjs&id=bob&token=t")) {
            assertThat(second.next()).isEqualTo(
                    "{\"type\":\"ERROR\",\"payload\":{\"msg\":\"Server has reached its concurrent user limit\"}}");
            assertThat(second.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void refusesAnIdThePeerjsClientWouldNotAccept() {
        try (PeerClient client = PeerClient.connect(running.port(), "key=peerjs&id=%3Cscript%3E&token=t")) {
            assertThat(client.next()).contains("\"type\":\"ERROR\"", "Invalid id");
            assertThat(client.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void tellsTheClientWhenTheServerCannotServeItAndClosesWith1011() {
        running.peerJs.storeDown = true;
        try (PeerClient client = PeerClient.connect(running.port(), "key=peerjs&id=alice&token=t")) {
            assertThat(client.next()).contains("\"type\":\"ERROR\"", "cannot serve");
            assertThat(client.closeCode()).isEqualTo(1011);
        }
    }

    @Test
    void deliversWhatWasQueuedBeforeTheOpenInOrderAndAcknowledgesIt() throws Exception {
        running.peerJs.queue("bob", "alice", PeerMessageType.OFFER, "{\"n\":1}");
        running.peerJs.queue("bob", "alice", PeerMessageType.CANDIDATE, "{\"n\":2}");

        try (PeerClient alice = PeerClient.open(running.port(), "alice")) {
            assertThat(alice.next()).isEqualTo("{\"type\":\"OFFER\",\"src\":\"bob\",\"dst\":\"alice\",\"payload\":{\"n\":1}}");
            assertThat(alice.next())
                    .isEqualTo("{\"type\":\"CANDIDATE\",\"src\":\"bob\",\"dst\":\"alice\",\"payload\":{\"n\":2}}");
            await().atMost(java.time.Duration.ofSeconds(3)).until(() -> running.peerJs.queued("alice") == 0);
        }
        try (PeerClient again = PeerClient.open(running.port(), "alice")) {
            assertThat(again.drain(java.time.Duration.ofMillis(300))).as("acknowledged, so not delivered twice")
                    .isEmpty();
        }
    }
}

package dev.switchboard.adapter.peerjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeerJsRelayTest {
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
    void relaysAnOfferWithTheSendersIdAndThePayloadByteForByte() {
        String payload = "{ \"sdp\" : {\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\\u00e9\"}, \"n\": 1.10, \"big\": 1e400,"
                + " \"list\": [1, 2.50, null], \"connectionId\":\"dc_x\" }";
        try (PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            alice.send("{\"type\":\"OFFER\",\"src\":\"mallory\",\"dst\":\"bob\",\"payload\":" + payload + "}");

            assertThat(bob.next()).isEqualTo("{\"type\":\"OFFER\",\"src\":\"alice\",\"dst\":\"bob\",\"payload\":"
                    + payload + "}");
        }
    }

    @Test
    void relaysEveryPeerJsTypeAndAScalarPayload() {
        try (PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            alice.send("{\"type\":\"ANSWER\",\"dst\":\"bob\",\"payload\":\"x\"}");
            alice.send("{\"type\":\"CANDIDATE\",\"dst\":\"bob\",\"payload\":-0.0}");
            alice.send("{\"type\":\"LEAVE\",\"dst\":\"bob\"}");

            assertThat(bob.next()).isEqualTo("{\"type\":\"ANSWER\",\"src\":\"alice\",\"dst\":\"bob\",\"payload\":\"x\"}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"CANDIDATE\",\"src\":\"alice\",\"dst\":\"bob\",\"payload\":-0.0}");
            assertThat(bob.next()).isEqualTo("{\"type\":\"LEAVE\",\"src\":\"alice\",\"dst\":\"bob\"}");
        }
    }

    @Test
    void answersAFullMailboxWithExpireToTheSender() {
        running.peerJs.queueCapacity = 1;
        try (PeerClient alice = PeerClient.open(running.port(), "alice")) {
            alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{}}");
            alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{}}");

            assertThat(alice.next()).isEqualTo("{\"type\":\"EXPIRE\",\"src\":\"bob\",\"dst\":\"alice\"}");
            assertThat(alice.isClosed()).isFalse();
        }
    }

    @Test
    void answersAnUnknownTypeWithAnErrorAndKeepsTheSocket() {
        try (PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            alice.send("{\"type\":\"GOSSIP\",\"dst\":\"bob\"}");
            assertThat(alice.next()).isEqualTo("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"Invalid message type\"}}");

            alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":1}");
            assertThat(bob.next()).contains("\"src\":\"alice\"");
            assertThat(alice.isClosed()).isFalse();
        }
    }

    @Test
    void closesOnlyTheSocketThatSentSomethingOtherThanJson() {
        try (PeerClient rude = PeerClient.open(running.port(), "rude");
                PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            rude.send("hello?");

            assertThat(rude.next()).startsWith("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"not valid JSON");
            assertThat(rude.closeCode()).isEqualTo(1008);
            alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{}}");
            assertThat(bob.next()).contains("\"src\":\"alice\"");
        }
    }

    @Test
    void closesASocketThatSendsTheWrongShape() {
        try (PeerClient one = PeerClient.open(running.port(), "one");
                PeerClient two = PeerClient.open(running.port(), "two");
                PeerClient three = PeerClient.open(running.port(), "three")) {
            one.send("[\"OFFER\"]");
            two.send("{\"type\":\"OFFER\",\"payload\":{}}");
            three.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"extra\":1}");

            assertThat(one.next()).contains("a message must be a JSON object");
            assertThat(two.next()).contains("needs a valid dst");
            assertThat(three.next()).contains("unknown field \\\"extra\\\"");
            assertThat(one.closeCode()).isEqualTo(1008);
            assertThat(two.closeCode()).isEqualTo(1008);
            assertThat(three.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void closesASocketThatSendsAnOversizedFrameWithAnError() {
        try (PeerClient big = PeerClient.open(running.port(), "big");
                PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            big.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":\"" + "x".repeat(10_000) + "\"}");

            assertThat(big.next()).contains("\"type\":\"ERROR\"", "message too large: at most 4096 bytes");
            assertThat(big.closeCode()).isEqualTo(1009);
            alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":{}}");
            assertThat(bob.next()).contains("\"src\":\"alice\"");
        }
    }

    @Test
    void relaysForOthersWhileOneSendersStoreCallIsSlow() {
        // Use cases run on the network threads only over a store that never waits.
        assumeTrue(running.useCasesBlock());
        running.peerJs.slowSender = "slow";
        try (PeerClient slow = PeerClient.open(running.port(), "slow");
                PeerClient alice = PeerClient.open(running.port(), "alice");
                PeerClient bob = PeerClient.open(running.port(), "bob")) {
            slow.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":1}");
            long started = System.nanoTime();

            alice.send("{\"type\":\"OFFER\",\"dst\":\"bob\",\"payload\":2}");

            assertThat(bob.next()).contains("\"src\":\"alice\"");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
            assertThat(bob.next()).contains("\"src\":\"slow\"");
        }
    }

    @Test
    void closesASocketThatOutrunsItsStoreInsteadOfBufferingWithoutBound() {
        // Use cases run on the network threads only over a store that never waits.
        assumeTrue(running.useCasesBlock());
        running.peerJs.slowSender = "flood";
        try (PeerClient flood = PeerClient.open(running.port(), "flood")) {
            for (int i = 0; i <= PeerJsSocket.MAX_PENDING_FRAMES + 1; i++) {
                flood.trySend("{\"type\":\"CANDIDATE\",\"dst\":\"bob\",\"payload\":" + i + "}");
            }

            assertThat(flood.next()).contains("too many messages in flight");
            assertThat(flood.closeCode()).isEqualTo(1008);
        }
    }

    @Test
    void countsAHeartbeatAsLife() {
        try (PeerClient alice = PeerClient.open(running.port(), "alice")) {
            int before = running.peerJs.keepAlives.get();

            alice.send("{\"type\":\"HEARTBEAT\"}");

            await().atMost(Duration.ofSeconds(3)).until(() -> running.peerJs.keepAlives.get() > before);
            assertThat(alice.isClosed()).isFalse();
        }
    }

    @Test
    void refreshesLivenessAtMostAboutOnceASecondHoweverChattyTheClient() throws Exception {
        try (PeerClient alice = PeerClient.open(running.port(), "alice")) {
            long started = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                alice.send("{\"type\":\"HEARTBEAT\"}");
            }
            Thread.sleep(300);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

            assertThat(running.peerJs.keepAlives.get()).isBetween(1, (int) seconds + 2);
        }
    }
}

package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PairingFlowTest.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.adapter.postgres.PostgresSettings;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database, each reaching it through a {@link TcpRelay} the test cuts and
 * restores while a sender keeps signalling: an instance without its database reports not-ready and refuses with
 * 503 rather than hang, and comes back by itself once the database answers again, pool and wake-up listener alike.
 * The wake-ups sent while its listener was gone are lost with it; the resynchronisation after the listener
 * reconnects finds what they were about. Nothing that was acknowledged before, during or after is lost.
 */
class DatabaseOutageTest {
    private static final Duration RECOVERY = Duration.ofSeconds(20);
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private final String schema = "outage_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final PostgresSettings database = TestDatabase.createSchema(schema);
    private final TcpRelay firstLink = TcpRelay.to(database);
    private final TcpRelay secondLink = TcpRelay.to(database);
    private StartedSwitchboard first;
    private StartedSwitchboard second;

    @BeforeEach
    void startTwoInstancesEachThroughItsOwnLink() {
        first = StartedSwitchboard.start(through(firstLink));
        second = StartedSwitchboard.start(through(secondLink));
    }

    @AfterEach
    void stopEverything() {
        second.close();
        first.close();
        secondLink.close();
        firstLink.close();
        TestDatabase.dropSchema(schema);
    }

    /** This test's schema reached through {@code link}, waiting a second at most for a connection. */
    private Map<String, String> through(TcpRelay link) {
        Map<String, String> settings = new HashMap<>(TestDatabase.switchboardSettings(link.relaying(database)));
        settings.put("SWITCHBOARD_DATABASE_CONNECT_TIMEOUT_SECONDS", "1");
        return settings;
    }

    @Test
    void anInstanceThatLosesTheDatabaseIsNotReadyThenRecoversAndPushesWhatWasSentMeanwhile() throws Exception {
        OpenedSession session = OpenedSession.open(first.api().newHmacPeer(), 2);
        Member alice = session.host();
        Member bob = session.joinByCode(second.api().newEd25519Peer());
        try (ResumingSocket bobSocket = new ResumingSocket(bob, second.api());
                Sender sender = Sender.start(alice, bob)) {
            long acknowledged = bobSocket.acknowledgeTheFirst(10);
            // A wake-up that lands just before the cut would fail its read and close Bob's socket: hold the sender.
            sender.pause();
            Thread.sleep(300);

            secondLink.cut();

            await().atMost(RECOVERY).until(() -> second.api().get("/health/ready").status() == 503);
            sender.resume();
            ApiResponse refused = bob.signal(alice.memberId(), "app:from-bob", Map.of());
            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("service_unavailable");
            assertThat(first.api().get("/health/ready").status()).as("the other instance is unaffected").isEqualTo(200);
            int storedBeforeTheOutage = sender.stored().size();
            await().atMost(RECOVERY).until(() -> sender.stored().size() >= storedBeforeTheOutage + 10);
            sender.stop();
            assertThat(sender.failures()).as("the sender's instance kept its database").isZero();

            secondLink.restore();

            await().atMost(RECOVERY).until(() -> second.api().get("/health/ready").status() == 200);
            // Nothing is sent any more: only the resynchronisation after the listener's reconnect can push these.
            await().atMost(RECOVERY).until(() -> bobSocket.received(sender.stored()));
            bobSocket.assertDelivered(sender);
            assertThat(bobSocket.reconnects()).as("Bob's socket outlived the outage and was pushed what it missed")
                    .isZero();

            assertThat(bob.signal(alice.memberId(), "app:from-bob", Map.of("after", "recovery")).status())
                    .isEqualTo(201);
            try (SocketClient aliceSocket = alice.connect(first.api(), 0)) {
                CrossInstancePairingTest.promptly(aliceSocket, signal("app:from-bob"));
            }
            assertThat(alice.signal(bob.memberId(), "app:late", Map.of()).status()).isEqualTo(201);
            CrossInstancePairingTest.promptly(bobSocket.current(), signal("app:late"));
            List<JsonNode> left = Json.elements(bob.peer().get("/v1/messages?after=0").json().path("messages"));
            assertThat(left).extracting(message -> message.path("sequence").asLong())
                    .as("the acknowledgement before the outage held").allMatch(sequence -> sequence > acknowledged);
        }
    }

    @Test
    void whenTheDatabaseGoesAwayForAllBothAreNotReadyThenRecoverAndLoseNothingAcknowledged() {
        OpenedSession session = OpenedSession.open(first.api().newHmacPeer(), 2);
        Member alice = session.host();
        Member bob = session.joinByCode(second.api().newEd25519Peer());
        try (ResumingSocket bobSocket = new ResumingSocket(bob, second.api());
                Sender sender = Sender.start(alice, bob)) {
            long acknowledged = bobSocket.acknowledgeTheFirst(10);

            firstLink.cut();
            secondLink.cut();

            await().atMost(RECOVERY).until(() -> first.api().get("/health/ready").status() == 503
                    && second.api().get("/health/ready").status() == 503);
            int failuresAtTheStart = sender.failures();
            await().atMost(RECOVERY).until(() -> sender.failures() >= failuresAtTheStart + 3);
            assertThat(first.api().get("/health/live").status()).as("alive, only not ready").isEqualTo(200);

            firstLink.restore();
            secondLink.restore();

            await().atMost(RECOVERY).until(() -> first.api().get("/health/ready").status() == 200
                    && second.api().get("/health/ready").status() == 200);
            int storedAtRecovery = sender.stored().size();
            await().atMost(RECOVERY).until(() -> sender.stored().size() >= storedAtRecovery + 10);
            sender.stop();
            await().atMost(RECOVERY).until(() -> bobSocket.received(sender.stored()));
            bobSocket.assertDelivered(sender);
            List<JsonNode> left = Json.elements(bob.peer().get("/v1/messages?after=0").json().path("messages"));
            assertThat(left).extracting(message -> message.path("sequence").asLong())
                    .as("the acknowledgement before the outage held").allMatch(sequence -> sequence > acknowledged);
        }
    }

    /**
     * Bob's side, as a client that keeps the contract: it receives over a WebSocket, acknowledges over HTTP, and
     * when its socket is closed (an instance that cannot reach its store closes with 1011, "reconnect") it opens
     * another, resuming after its last acknowledgement.
     */
    private static final class ResumingSocket implements AutoCloseable {
        private final Member member;
        private final Api api;
        private final List<SocketClient> sockets = new ArrayList<>();
        private final List<Integer> closeCodes = new ArrayList<>();
        private long acknowledged;

        ResumingSocket(Member member, Api api) {
            this.member = member;
            this.api = api;
            sockets.add(member.connect(api, 0));
        }

        /** Waits for the first {@code count} messages, acknowledges them and returns the last one's sequence. */
        long acknowledgeTheFirst(int count) {
            await().atMost(RECOVERY).until(() -> current().messages().size() >= count);
            long upTo = current().messages().get(count - 1).path("sequence").asLong();
            assertThat(member.peer().post("/v1/messages/ack", Map.of("upTo", upTo)).status()).isEqualTo(200);
            acknowledged = upTo;
            return upTo;
        }

        /** The open socket; a closed one is replaced, or left for the next call when the server is not back yet. */
        synchronized SocketClient current() {
            SocketClient last = sockets.get(sockets.size() - 1);
            if (last.isClosed()) {
                int code;
                try {
                    code = last.awaitClose();
                } catch (RuntimeException broken) {
                    code = -1;
                }
                try {
                    SocketClient resumed = member.connect(api, acknowledged);
                    closeCodes.add(code);
                    sockets.add(resumed);
                    return resumed;
                } catch (RuntimeException | AssertionError notYet) {
                    return last;
                }
            }
            return last;
        }

        /** How many times the socket was replaced. */
        int reconnects() {
            return sockets.size() - 1;
        }

        /** Whether every stored signal has been received, over one socket or another. */
        boolean received(Map<Integer, Long> stored) {
            current();
            return sockets.stream().flatMap(socket -> socket.messages().stream())
                    .map(message -> message.path("sequence").asLong()).toList().containsAll(stored.values());
        }

        /**
         * Every stored signal came intact; each socket pushed its messages once and in order, and none that Bob
         * had acknowledged; a socket was only ever closed with 1011.
         */
        void assertDelivered(Sender sender) {
            Map<Long, Integer> numbers = new HashMap<>();
            for (int i = 0; i < sockets.size(); i++) {
                long after = i == 0 ? 0 : acknowledged;
                List<JsonNode> messages = sockets.get(i).messages().stream().filter(signal("app:n")).toList();
                assertThat(messages).extracting(message -> message.path("sequence").asLong())
                        .as("socket %d", i).doesNotHaveDuplicates().isSorted().allMatch(sequence -> sequence > after);
                messages.forEach(message -> numbers.put(message.path("sequence").asLong(),
                        message.path("payload").path("n").asInt()));
            }
            sender.stored().forEach((n, sequence) ->
                    assertThat(numbers.get(sequence)).as("signal %d, stored as %d", n, sequence).isEqualTo(n));
            assertThat(closeCodes).as("why sockets were closed").allMatch(code -> code == 1011);
        }

        @Override
        public void close() {
            sockets.forEach(SocketClient::close);
        }
    }

    /**
     * Sends numbered signals from one member to another, one every few milliseconds, until stopped; a send that
     * is refused or gets no answer is tried again a moment later. Records what the server acknowledged storing.
     */
    static final class Sender implements AutoCloseable {
        private final Map<Integer, Long> stored = new ConcurrentHashMap<>();
        private final AtomicInteger failures = new AtomicInteger();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile boolean paused;

        private Sender(Member from, Member to) {
            this.thread = new Thread(() -> sendUntilStopped(from, to), "outage-sender");
            this.thread.setDaemon(true);
        }

        static Sender start(Member from, Member to) {
            Sender sender = new Sender(from, to);
            sender.thread.start();
            return sender;
        }

        /** Signal number to the sequence it was stored as. */
        Map<Integer, Long> stored() {
            return Map.copyOf(stored);
        }

        int failures() {
            return failures.get();
        }

        /** Sends nothing more until {@link #resume()}; a send under way completes. */
        void pause() {
            paused = true;
        }

        void resume() {
            paused = false;
        }

        void stop() {
            running = false;
            try {
                thread.join(RECOVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            stop();
        }

        private void sendUntilStopped(Member from, Member to) {
            int n = 0;
            while (running) {
                if (paused) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                try {
                    ApiResponse sent = from.signal(to.memberId(), "app:n", Map.of("n", n));
                    if (sent.status() == 201) {
                        stored.put(n, sent.json().path("signals").get(0).path("sequence").asLong());
                        n++;
                    } else {
                        failures.incrementAndGet();
                    }
                } catch (UncheckedIOException e) {
                    failures.incrementAndGet();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database, one of them in a JVM of its own that is killed with SIGKILL in the
 * middle of an exchange: no shutdown, no close frames, no flush. Its clients move to the survivor, resume from
 * what they know, and finish; whatever the dead instance acknowledged (a stored signal, an acknowledgement, a
 * stored or acknowledged chunk) was in the database, so nothing acknowledged is lost or delivered again, and
 * only what was never acknowledged may come twice (at least once, with ids to tell).
 */
class InstanceCrashTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final String SCHEMA = "crash_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private static PostgresSettings database;
    private static StartedSwitchboard survivor;

    private LauncherProcess doomed;
    private Api doomedApi;

    @BeforeAll
    static void startTheSurvivor() {
        database = TestDatabase.createSchema(SCHEMA);
        survivor = StartedSwitchboard.start(TestDatabase.switchboardSettings(database));
    }

    @AfterAll
    static void stopTheSurvivor() {
        survivor.close();
        TestDatabase.dropSchema(SCHEMA);
    }

    @BeforeEach
    void startTheDoomedInstanceInAJvmOfItsOwn() {
        Map<String, String> settings = new HashMap<>(StartedSwitchboard.TEST_SETTINGS);
        settings.putAll(TestDatabase.switchboardSettings(database));
        doomed = LauncherProcess.start(settings);
        doomedApi = new Api(doomed.httpPort());
    }

    @AfterEach
    void stopWhatIsLeft() {
        doomed.close();
    }

    /**
     * Alice sends 40 numbered signals to Bob, one after another, through whichever instance is alive, and sends
     * again any whose answer she did not get; Bob receives over a WebSocket and acknowledges over HTTP. The
     * instance both are on is killed once Bob has acknowledged some and while Alice is still sending.
     */
    @Test
    void signalsFinishOnTheSurvivorWithEveryAcknowledgedOneIntactAndNoneAgainAfterItsAcknowledgement()
            throws Exception {
        OpenedSession session = OpenedSession.open(doomedApi.newHmacPeer(), 2);
        Member bob = session.joinByCode(doomedApi.newEd25519Peer());
        int total = 40;
        Map<Integer, Long> stored = new ConcurrentHashMap<>();
        Set<Integer> storedBySurvivor = ConcurrentHashMap.newKeySet();
        Set<Integer> resent = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> alice = CompletableFuture.runAsync(() -> {
            Member sender = session.host();
            boolean failedOver = false;
            for (int n = 0; n < total; ) {
                try {
                    ApiResponse sent = sender.signal(bob.memberId(), "app:n", Map.of("n", n));
                    assertThat(sent.status()).as("%s", sent).isEqualTo(201);
                    stored.put(n, sent.json().path("signals").get(0).path("sequence").asLong());
                    if (failedOver) {
                        storedBySurvivor.add(n);
                    }
                    n++;
                    pause(15);
                } catch (UncheckedIOException lost) {
                    // No answer: it may or may not have been stored. Send it again, elsewhere.
                    resent.add(n);
                    sender = sender.via(survivor.api());
                    failedOver = true;
                }
            }
        });

        List<JsonNode> beforeTheCrash;
        long acknowledged;
        try (SocketClient socket = bob.connect(doomedApi, 0)) {
            await().atMost(PATIENCE).until(() -> socket.messages().size() >= 12);
            acknowledged = socket.messages().get(11).path("sequence").asLong();
            ApiResponse ack = bob.peer().post("/v1/messages/ack", Map.of("upTo", acknowledged));
            assertThat(ack.status()).as("%s", ack).isEqualTo(200);
            assertThat(stored).as("Alice is still sending").hasSizeLessThan(total);

            doomed.kill();

            await().atMost(PATIENCE).until(socket::isClosed);
            beforeTheCrash = socket.messages();
        }

        Member resumedBob = bob.via(survivor.api());
        try (SocketClient resumed = resumedBob.connect(survivor.api(), acknowledged)) {
            alice.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            long last = stored.get(total - 1);
            await().atMost(PATIENCE).until(() -> resumed.messages().stream()
                    .anyMatch(message -> message.path("sequence").asLong() == last));
            List<JsonNode> afterTheCrash = resumed.messages();

            assertThat(storedBySurvivor).as("the crash came in the middle of the exchange").isNotEmpty();
            assertThat(sequences(afterTheCrash)).as("resumed after the acknowledged sequence, each message once")
                    .allMatch(sequence -> sequence > acknowledged).doesNotHaveDuplicates().isSorted();
            List<JsonNode> everything = new ArrayList<>(beforeTheCrash);
            everything.addAll(afterTheCrash);
            Map<Long, JsonNode> bySequence = new HashMap<>();
            everything.forEach(message -> bySequence.putIfAbsent(message.path("sequence").asLong(), message));
            stored.forEach((n, sequence) -> {
                JsonNode message = bySequence.get(sequence);
                assertThat(message).as("signal %d, stored as %d", n, sequence).isNotNull();
                assertThat(message.path("payload").path("n").asInt()).isEqualTo(n);
                assertThat(message.path("from").asText()).isEqualTo(session.host().memberId());
            });
            assertThat(bySequence.values()).as("nothing but Alice's signals, and repeats only of unanswered sends")
                    .allSatisfy(message -> {
                        int n = message.path("payload").path("n").asInt();
                        assertThat(stored.get(n) == message.path("sequence").asLong() || resent.contains(n))
                                .as("%s", message).isTrue();
                    });

            List<JsonNode> left = Json.elements(resumedBob.peer().get("/v1/messages?after=0").json().path("messages"));
            assertThat(sequences(left)).as("the acknowledgement the dead instance answered was kept")
                    .allMatch(sequence -> sequence > acknowledged);
            assertThat(resumedBob.peer().post("/v1/messages/ack", Map.of("upTo", last)).status()).isEqualTo(200);
            assertThat(resumedBob.peer().get("/v1/messages?after=0").json().path("messages")).isEmpty();
        }
    }

    /**
     * A 30-chunk transfer between two ends on the doomed instance: the sender uploads in order, the receiver
     * downloads, checks and acknowledges each chunk; the instance is killed once ten are acknowledged. Each end
     * then carries on with the survivor, the sender uploading again what got no answer.
     */
    @Test
    void aTransferFinishesOnTheSurvivorWithEveryAcknowledgedChunkIntactAndNoneDeliveredAgain() throws Exception {
        int chunkCount = 30;
        int chunkSize = 8 * 1024;
        byte[] original = new byte[chunkCount * chunkSize];
        ThreadLocalRandom.current().nextBytes(original);
        RelayClient sender = RelayClient.withNewKey(doomedApi);
        RelayClient.Created transfer = sender.create(chunkCount, chunkSize);
        RelayClient receiver = RelayClient.withNewKey(doomedApi);
        String receiverToken = receiver.claim(transfer.code());
        String id = transfer.transferId();

        Set<Integer> uploadedBySurvivor = ConcurrentHashMap.newKeySet();
        CompletableFuture<Void> uploads = CompletableFuture.runAsync(() -> {
            RelayClient uploader = sender;
            boolean failedOver = false;
            for (int index = 0; index < chunkCount; ) {
                try {
                    ApiResponse uploaded = uploader.upload(id, transfer.senderToken(), index,
                            slice(original, index, chunkSize));
                    assertThat(uploaded.status()).as("chunk %d: %s", index, uploaded).isIn(200, 201);
                    if (failedOver) {
                        uploadedBySurvivor.add(index);
                    }
                    index++;
                    pause(20);
                } catch (UncheckedIOException lost) {
                    // No answer: the chunk may or may not be stored. Upload it again, elsewhere: it is idempotent.
                    uploader = uploader.via(survivor.api());
                    failedOver = true;
                }
            }
        });

        byte[] received = new byte[original.length];
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        List<Integer> deliveredAfterAcknowledgement = new ArrayList<>();
        RelayClient downloader = receiver;
        Integer unacknowledged = null;
        boolean killed = false;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!killed && acknowledged.size() >= 10) {
                doomed.kill();
                killed = true;
            }
            try {
                if (unacknowledged != null) {
                    // Acknowledging again is harmless, so an acknowledgement that got no answer is simply repeated.
                    ApiResponse ack = downloader.acknowledge(id, receiverToken, unacknowledged);
                    assertThat(ack.status()).as("ack %d: %s", unacknowledged, ack).isEqualTo(200);
                    acknowledged.add(unacknowledged);
                    unacknowledged = null;
                    continue;
                }
                BinaryResponse next = downloader.next(id, receiverToken);
                if (next.status() == 204) {
                    if ("complete".equals(next.header("Transfer-State"))) {
                        break;
                    }
                    pause(20);
                    continue;
                }
                int index = Integer.parseInt(next.header("Chunk-Index"));
                RelayTransferTest.assertIntact(next, index);
                if (acknowledged.contains(index)) {
                    deliveredAfterAcknowledgement.add(index);
                }
                System.arraycopy(next.body(), 0, received, index * chunkSize, next.body().length);
                unacknowledged = index;
            } catch (UncheckedIOException lost) {
                // The instance is gone: the same request again, through the survivor.
                downloader = downloader.via(survivor.api());
            }
        }
        uploads.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(killed).isTrue();
        assertThat(uploadedBySurvivor).as("the crash came in the middle of the upload").isNotEmpty();
        assertThat(deliveredAfterAcknowledgement).isEmpty();
        assertThat(acknowledged).hasSize(chunkCount);
        assertThat(received).as("the reassembled bytes").isEqualTo(original);
        JsonNode progress = receiver.via(survivor.api()).progress(id, receiverToken).json();
        assertThat(progress.path("state").asText()).isEqualTo("complete");
        assertThat(progress.path("acknowledgedChunks").asInt()).isEqualTo(chunkCount);
        BinaryResponse gone = receiver.via(survivor.api()).chunk(id, receiverToken, 0);
        assertThat(gone.status()).as("%s", gone).isEqualTo(410);
        assertThat(gone.code()).isEqualTo("chunk_acknowledged");
    }

    private static List<Long> sequences(List<JsonNode> messages) {
        return messages.stream().map(message -> message.path("sequence").asLong()).toList();
    }

    private static byte[] slice(byte[] bytes, int index, int size) {
        byte[] chunk = new byte[size];
        System.arraycopy(bytes, index * size, chunk, 0, size);
        return chunk;
    }

    /** Sleeps, turning an interrupt into a failure. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

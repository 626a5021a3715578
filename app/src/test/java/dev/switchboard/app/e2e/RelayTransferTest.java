package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** Encrypted payloads moved through the relay by real clients, chunk by chunk, on every store. */
@OnEveryStore
class RelayTransferTest {
    private static final int PAYLOAD_BYTES = 3 * 1024 * 1024;
    private static final int CHUNK_BYTES = 48 * 1024;
    private static final int CHUNKS = PAYLOAD_BYTES / CHUNK_BYTES;
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(8);

    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    static Api api() {
        return SWITCHBOARD.api();
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a receiver checks on every chunk: the index it asked about and the RFC 9530 digest of the bytes. */
    static void assertIntact(BinaryResponse chunk, int index) {
        assertThat(chunk.status()).as("%s", chunk).isEqualTo(200);
        assertThat(chunk.header("Content-Type")).startsWith("application/octet-stream");
        assertThat(chunk.header("Chunk-Index")).isEqualTo(String.valueOf(index));
        assertThat(chunk.header("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256(chunk.body())) + ":");
    }

    @Nested
    class BetweenTwoPeers {

        /** Uploads every chunk, several at a time and in shuffled order, the way a sender resuming at random would. */
        CompletableFuture<Void> uploadShuffled(RelayClient sender, RelayClient.Created transfer, byte[] payload) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, CHUNKS).boxed().toList());
            Collections.shuffle(order);
            return CompletableFuture.allOf(order.stream().map(index -> CompletableFuture.runAsync(() -> {
                byte[] chunk = Arrays.copyOfRange(payload, index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES);
                ApiResponse uploaded = sender.upload(transfer.transferId(), transfer.senderToken(), index, chunk);
                assertThat(uploaded.status()).as("upload %d: %s", index, uploaded).isEqualTo(201);
                assertThat(uploaded.json().path("duplicate").asBoolean()).isFalse();
            }, CLIENTS)).toArray(CompletableFuture[]::new));
        }

        /** Takes the next chunk and acknowledges it until the server says the transfer is complete. */
        CompletableFuture<byte[]> downloadAll(RelayClient receiver, String transferId, String receiverToken) {
            return CompletableFuture.supplyAsync(() -> {
                ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
                boolean[] seen = new boolean[CHUNKS];
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline) {
                    BinaryResponse next = receiver.next(transferId, receiverToken);
                    if (next.status() == 204) {
                        if ("complete".equals(next.header("Transfer-State"))) {
                            assertThat(seen).as("every chunk was delivered").doesNotContain(false);
                            return payload.array();
                        }
                        assertThat(next.header("Transfer-State")).isEqualTo("waiting");
                        sleep(Duration.ofMillis(20));
                        continue;
                    }
                    int index = Integer.parseInt(next.header("Chunk-Index"));
                    assertIntact(next, index);
                    assertThat(seen[index]).as("chunk %d delivered twice after its ack", index).isFalse();
                    seen[index] = true;
                    payload.put(index * CHUNK_BYTES, next.body());
                    ApiResponse acknowledged = receiver.acknowledge(transferId, receiverToken, index);
                    assertThat(acknowledged.status()).as("ack %d: %s", index, acknowledged).isEqualTo(200);
                }
                throw new AssertionError("the transfer did not complete within two minutes");
            }, CLIENTS);
        }

        /** The sender watches the progress until complete; the acknowledged count only ever grows. */
        List<Integer> watchProgress(RelayClient sender, RelayClient.Created transfer) {
            List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                JsonNode progress = sender.progress(transfer.transferId(), transfer.senderToken()).json();
                acknowledged.add(progress.path("acknowledgedChunks").asInt());
                return progress.path("state").asText().equals("complete");
            });
            return acknowledged;
        }

        @Test
        void movesMegabytesBothWaysAtOnceAndEachSideGetsExactlyTheBytesSent() throws Exception {
            RelayClient alice = RelayClient.withNewKey(api());
            RelayClient bob = RelayClient.withNewKey(api());
            byte[] aliceToBob = randomBytes(PAYLOAD_BYTES);
            byte[] bobToAlice = randomBytes(PAYLOAD_BYTES);
            Map<String, Object> shape = Map.of("chunkCount", CHUNKS, "chunkSize", CHUNK_BYTES,
                    "totalBytes", PAYLOAD_BYTES);
            RelayClient.Created fromAlice = alice.create(shape);
            RelayClient.Created fromBob = bob.create(shape);
            assertThat(fromAlice.json().path("state").asText()).isEqualTo("waiting");
            String bobReceives = bob.claim(fromAlice.code());
            String aliceReceives = alice.claim(fromBob.code());

            CompletableFuture<Void> aliceUploads = uploadShuffled(alice, fromAlice, aliceToBob);
            CompletableFuture<Void> bobUploads = uploadShuffled(bob, fromBob, bobToAlice);
            CompletableFuture<byte[]> bobDownloads = downloadAll(bob, fromAlice.transferId(), bobReceives);
            CompletableFuture<byte[]> aliceDownloads = downloadAll(alice, fromBob.transferId(), aliceReceives);
            List<Integer> aliceSees = watchProgress(alice, fromAlice);
            CompletableFuture.allOf(aliceUploads, bobUploads).get(120, TimeUnit.SECONDS);

            assertThat(sha256(bobDownloads.get(120, TimeUnit.SECONDS))).isEqualTo(sha256(aliceToBob));
            assertThat(sha256(aliceDownloads.get(120, TimeUnit.SECONDS))).isEqualTo(sha256(bobToAlice));
            assertThat(aliceSees).isSorted().last().isEqualTo(CHUNKS);
            for (RelayClient.Created sent : List.of(fromAlice, fromBob)) {
                RelayClient sender = sent == fromAlice ? alice : bob;
                JsonNode progress = sender.progress(sent.transferId(), sent.senderToken()).json();
                assertThat(progress.path("state").asText()).isEqualTo("complete");
                assertThat(progress.path("role").asText()).isEqualTo("sender");
                assertThat(progress.path("uploadedChunks").asInt()).isEqualTo(CHUNKS);
                assertThat(progress.path("uploadedBytes").asLong()).isEqualTo(PAYLOAD_BYTES);
                assertThat(progress.path("acknowledgedChunks").asInt()).isEqualTo(CHUNKS);
                assertThat(progress.path("completedAt").isTextual()).isTrue();
            }
        }

        @Test
        void tellsTheReceiverToWaitUntilTheFirstChunkArrives() {
            RelayClient sender = RelayClient.withNewKey(api());
            RelayClient receiver = RelayClient.withNewKey(api());
            RelayClient.Created transfer = sender.create(2, 1024);
            String token = receiver.claim(transfer.code());

            BinaryResponse nothingYet = receiver.next(transfer.transferId(), token);

            assertThat(nothingYet.status()).isEqualTo(204);
            assertThat(nothingYet.header("Transfer-State")).isEqualTo("waiting");
            assertThat(receiver.progress(transfer.transferId(), token).json().path("role").asText())
                    .isEqualTo("receiver");
        }
    }

    @Nested
    class WhenAChunkIsSentAgain {
        private final RelayClient sender = RelayClient.withNewKey(api());
        private final RelayClient receiver = RelayClient.withNewKey(api());
        private final RelayClient.Created transfer = sender.create(3, 1024);
        private final byte[] chunk = randomBytes(1024);

        @Test
        void acceptsTheSameBytesAsADuplicateAndStoresThemOnce() {
            assertThat(sender.upload(transfer.transferId(), transfer.senderToken(), 0, chunk).status()).isEqualTo(201);

            ApiResponse again = sender.upload(transfer.transferId(), transfer.senderToken(), 0, chunk);

            assertThat(again.status()).as("%s", again).isEqualTo(200);
            assertThat(again.json().path("duplicate").asBoolean()).isTrue();
            assertThat(again.json().path("uploadedChunks").asInt()).isEqualTo(1);
            assertThat(again.json().path("uploadedBytes").asLong()).isEqualTo(1024);
        }

        @Test
        void refusesOtherBytesAtTheSameIndexAndKeepsTheFirst() {
            assertThat(sender.upload(transfer.transferId(), transfer.senderToken(), 1, chunk).status()).isEqualTo(201);

            ApiResponse conflicting = sender.upload(transfer.transferId(), transfer.senderToken(), 1, randomBytes(1024));

            assertThat(conflicting.status()).as("%s", conflicting).isEqualTo(409);
            assertThat(conflicting.code()).isEqualTo("chunk_conflict");
            String token = receiver.claim(transfer.code());
            BinaryResponse stored = receiver.chunk(transfer.transferId(), token, 1);
            assertIntact(stored, 1);
            assertThat(stored.body()).isEqualTo(chunk);
        }

        @Test
        void stillRecognisesTheBytesOnceAcknowledged() {
            String token = receiver.claim(transfer.code());
            sender.upload(transfer.transferId(), transfer.senderToken(), 2, chunk);
            assertThat(receiver.acknowledge(transfer.transferId(), token, 2).status()).isEqualTo(200);

            assertThat(sender.upload(transfer.transferId(), transfer.senderToken(), 2, chunk).status()).isEqualTo(200);
            assertThat(sender.upload(transfer.transferId(), transfer.senderToken(), 2, randomBytes(1024)).code())
                    .isEqualTo("chunk_conflict");
            BinaryResponse gone = receiver.chunk(transfer.transferId(), token, 2);
            assertThat(gone.status()).as("%s", gone).isEqualTo(410);
            assertThat(gone.code()).isEqualTo("chunk_acknowledged");
        }
    }

    @Nested
    class WhenAResponseIsLost {
        @Test
        void servesTheSameChunkAgainUntilItIsAcknowledged() {
            RelayClient sender = RelayClient.withNewKey(api());
            RelayClient receiver = RelayClient.withNewKey(api());
            RelayClient.Created transfer = sender.create(2, 4096);
            String token = receiver.claim(transfer.code());
            byte[] first = randomBytes(4096);
            sender.upload(transfer.transferId(), transfer.senderToken(), 0, first);
            sender.upload(transfer.transferId(), transfer.senderToken(), 1, randomBytes(100));

            // The receiver's connection drops after the server sent chunk 0: it never acknowledged it.
            BinaryResponse lost = receiver.next(transfer.transferId(), token);
            BinaryResponse retried = receiver.next(transfer.transferId(), token);

            assertIntact(lost, 0);
            assertIntact(retried, 0);
            assertThat(retried.body()).isEqualTo(first).isEqualTo(lost.body());
            assertThat(receiver.acknowledge(transfer.transferId(), token, 0).status()).isEqualTo(200);
            assertIntact(receiver.next(transfer.transferId(), token), 1);
            JsonNode progress = sender.progress(transfer.transferId(), transfer.senderToken()).json();
            assertThat(progress.path("acknowledgedChunks").asInt()).isEqualTo(1);
            assertThat(progress.path("state").asText()).isEqualTo("available");
        }
    }

    @Nested
    class WhenClaiming {
        @Test
        void refusesASecondReceiver() {
            RelayClient.Created transfer = RelayClient.withNewKey(api()).create(1, 16);
            RelayClient.withNewKey(api()).claim(transfer.code());

            ApiResponse second = RelayClient.withNewKey(api()).tryClaim(transfer.code());

            assertThat(second.status()).as("%s", second).isEqualTo(409);
            assertThat(second.code()).isEqualTo("transfer_already_claimed");
        }

        @Test
        void refusesAWrongVerifierAndAcceptsTheRightOne() {
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
            RelayClient.Created transfer = RelayClient.withNewKey(api())
                    .create(Map.of("chunkCount", 1, "chunkSize", 16, "accessVerifier", verifier));
            RelayClient receiver = RelayClient.withNewKey(api());

            ApiResponse wrong = receiver.tryClaim(transfer.code(), verifier.substring(1) + "A");
            ApiResponse missing = receiver.tryClaim(transfer.code());
            ApiResponse right = receiver.tryClaim(transfer.code(), verifier);

            assertThat(wrong.status()).as("%s", wrong).isEqualTo(403);
            assertThat(wrong.code()).isEqualTo("verifier_mismatch");
            assertThat(missing.status()).as("%s", missing).isEqualTo(403);
            assertThat(right.status()).as("%s", right).isEqualTo(200);
            assertThat(right.json().path("receiverToken").asText()).isNotBlank();
            assertThat(right.body()).doesNotContain(verifier);
        }

        @Test
        void refusesTheSendersTokenForReceiving() {
            RelayClient sender = RelayClient.withNewKey(api());
            RelayClient.Created transfer = sender.create(1, 16);
            sender.upload(transfer.transferId(), transfer.senderToken(), 0, randomBytes(16));

            BinaryResponse refused = sender.next(transfer.transferId(), transfer.senderToken());

            assertThat(refused.status()).as("%s", refused).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("capability_invalid");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.DownloadChunk;
import dev.switchboard.ports.driving.GetTransfer;
import dev.switchboard.ports.driving.UploadChunk;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.SignedRequest;
import dev.switchboard.ports.model.TransferRole;
import dev.switchboard.ports.testing.TransferFixtures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class TransferEndpointsTest {
    private static final String SENDER_TOKEN = "djEuc2VuZGVy.c2lnbmF0dXJl";
    private static final String RECEIVER_TOKEN = "djEucmVjZWl2ZXI.c2lnbmF0dXJl";
    private static final String TRANSFER = "/v1/transfers/" + Fixtures.TRANSFER_ID.value();

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = RunningServer.json(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    private static String base64Sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Creating {
        private static final String BODY = "{\"chunkCount\":4,\"chunkSize\":1024,\"totalBytes\":3000,"
                + "\"ttlSeconds\":600,\"accessVerifier\":\"correct horse battery\"}";

        private HttpResponse<String> create(String body) {
            when(uses.createTransfer.create(any(), any())).thenReturn(
                    new CreateTransfer.Created(Fixtures.transfer(0, 0), SENDER_TOKEN));
            return running.send("POST", "/v1/transfers", body);
        }

        @Test
        void createsAsTheSignerFromTheSocketsAddressWithWhatWasAskedFor() {
            HttpResponse<String> response = create(BODY);

            assertThat(response.statusCode()).isEqualTo(201);
            verify(uses.createTransfer).create(UseCaseDoubles.ALICE, new CreateTransfer.Request(4, 1024,
                    OptionalLong.of(3000), Optional.of(Duration.ofSeconds(600)), Optional.of("correct horse battery"),
                    "127.0.0.1"));
        }

        @Test
        void leavesTotalLifeAndVerifierToTheServerWhenLeftOut() {
            create("{\"chunkCount\":4,\"chunkSize\":1024}");

            verify(uses.createTransfer).create(UseCaseDoubles.ALICE, new CreateTransfer.Request(4, 1024,
                    OptionalLong.empty(), Optional.empty(), Optional.empty(), "127.0.0.1"));
        }

        @Test
        void answersTheCodeTheSendersTokenAndWhereTheTransferIs() {
            HttpResponse<String> response = create(BODY);

            assertThat(response.headers().firstValue("Location")).hasValue(TRANSFER);
            assertThat(response.body()).isEqualTo("{\"transferId\":\"transfer-0000000001\",\"code\":\"H4KR7WQZ\","
                    + "\"senderToken\":\"" + SENDER_TOKEN + "\",\"state\":\"waiting\",\"chunkCount\":4,"
                    + "\"chunkSize\":1024,\"totalBytes\":3000,\"expiresAt\":\"2026-01-02T03:14:05.000Z\","
                    + "\"links\":{\"self\":\"" + TRANSFER + "\",\"chunk\":\"" + TRANSFER + "/chunks/{index}\","
                    + "\"next\":\"" + TRANSFER + "/chunks/next\"}}");
        }

        @Test
        void refusesATransferWithoutAChunkCount() {
            HttpResponse<String> response = running.send("POST", "/v1/transfers", "{\"chunkSize\":1024}");

            assertThat(problem(response, 422, "validation_failed").path("detail").asText())
                    .isEqualTo("chunkCount: is required");
            verifyNoInteractions(uses.createTransfer);
        }

        @Test
        void answersAFullServerWith507() {
            when(uses.createTransfer.create(any(), any())).thenThrow(new SignalingException(ErrorCode.STORAGE_FULL,
                    "the relay holds as many bytes as it may; try again later"));

            problem(running.send("POST", "/v1/transfers", BODY), 507, "storage_full");
        }
    }

    @Nested
    class Claiming {

        @Test
        void claimsByCodeAndVerifierFromTheSocketsAddress() {
            when(uses.claimTransfer.claim(any(), any())).thenReturn(
                    new ClaimTransfer.Claimed(Fixtures.transfer(0, 0), RECEIVER_TOKEN));

            HttpResponse<String> response = running.send("POST", "/v1/transfers/claim",
                    "{\"code\":\"h4kr7wqz\",\"accessVerifier\":\"correct horse battery\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"transferId\":\"transfer-0000000001\",\"receiverToken\":\""
                    + RECEIVER_TOKEN + "\",\"state\":\"waiting\",\"chunkCount\":4,\"chunkSize\":1024,"
                    + "\"totalBytes\":3000,\"expiresAt\":\"2026-01-02T03:14:05.000Z\"}");
            verify(uses.claimTransfer).claim(UseCaseDoubles.ALICE, new ClaimTransfer.Request(
                    new InviteCode("H4KR7WQZ"), Optional.of("correct horse battery"), "127.0.0.1"));
        }

        @Test
        void answersAWrongVerifierWith403() {
            when(uses.claimTransfer.claim(any(), any())).thenThrow(new SignalingException(
                    ErrorCode.VERIFIER_MISMATCH, "the access verifier does not match"));

            problem(running.send("POST", "/v1/transfers/claim", "{\"code\":\"H4KR7WQZ\",\"accessVerifier\":\"x\"}"),
                    403, "verifier_mismatch");
        }

        @Test
        void answersASecondReceiverWith409() {
            when(uses.claimTransfer.claim(any(), any())).thenThrow(new SignalingException(
                    ErrorCode.TRANSFER_ALREADY_CLAIMED, "the transfer already has its receiver"));

            problem(running.send("POST", "/v1/transfers/claim", "{\"code\":\"H4KR7WQZ\"}"), 409,
                    "transfer_already_claimed");
        }
    }

    @Nested
    class Uploading {
        private final byte[] bytes = TransferFixtures.randomBytes(3000);

        private HttpRequest.Builder put(int index, byte[] body) {
            return running.request(TRANSFER + "/chunks/" + index)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        }

        private void uploadAnswers(boolean duplicate) {
            when(uses.uploadChunk.upload(any(), anyString(), any(), anyInt(), any())).thenReturn(
                    new UploadChunk.Uploaded(Fixtures.transfer(1, 0), 2, TransferFixtures.sha256(bytes), duplicate));
        }

        @Test
        void storesTheBytesExactlyAsSentWith201() {
            uploadAnswers(false);

            HttpResponse<String> response = running.send(put(2, bytes)
                    .header("Authorization", "Bearer " + SENDER_TOKEN).build());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"index\":2,\"sha256\":\"" + TransferFixtures.sha256(bytes)
                    + "\",\"duplicate\":false,\"state\":\"available\",\"uploadedChunks\":1,\"uploadedBytes\":1000}");
            ArgumentCaptor<byte[]> stored = ArgumentCaptor.forClass(byte[].class);
            verify(uses.uploadChunk).upload(eq(UseCaseDoubles.ALICE), eq(SENDER_TOKEN), eq(Fixtures.TRANSFER_ID),
                    eq(2), stored.capture());
            assertThat(stored.getValue()).isEqualTo(bytes);
        }

        @Test
        void hasTheSignatureCoverTheRawBytes() {
            uploadAnswers(false);

            running.send(put(2, bytes).header("Authorization", "Bearer " + SENDER_TOKEN).build());

            ArgumentCaptor<SignedRequest> signed = ArgumentCaptor.forClass(SignedRequest.class);
            verify(uses.authenticateRequest).authenticate(signed.capture());
            assertThat(signed.getValue().body()).isEqualTo(bytes);
            assertThat(signed.getValue().method()).isEqualTo("PUT");
        }

        @Test
        void answersAnIdenticalReUploadWith200() {
            uploadAnswers(true);

            HttpResponse<String> response = running.send(put(2, bytes)
                    .header("Authorization", "bearer " + SENDER_TOKEN).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RunningServer.json(response).path("duplicate").asBoolean()).isTrue();
        }

        @Test
        void answersOtherBytesAtAnUploadedIndexWith409() {
            when(uses.uploadChunk.upload(any(), anyString(), any(), anyInt(), any())).thenThrow(
                    new SignalingException(ErrorCode.CHUNK_CONFLICT, "chunk 2 was uploaded with other bytes"));

            problem(running.send(put(2, bytes).header("Authorization", "Bearer " + SENDER_TOKEN).build()), 409,
                    "chunk_conflict");
        }

        @Test
        void refusesAnotherMediaTypeWith415() {
            HttpResponse<String> response = running.send(running.request(TRANSFER + "/chunks/0")
                    .header("Authorization", "Bearer " + SENDER_TOKEN)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());

            problem(response, 415, "unsupported_media_type");
            verifyNoInteractions(uses.uploadChunk, uses.authenticateRequest);
        }

        @Test
        void refusesAChunkWithoutAMediaTypeWith415() {
            RawHttp.Response response = RawHttp.send(running.port(), "PUT " + TRANSFER + "/chunks/0 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + SENDER_TOKEN + "\r\nContent-Length: 3", new byte[3]);

            assertThat(response.status()).isEqualTo(415);
            verifyNoInteractions(uses.uploadChunk);
        }

        @Test
        void readsChunksUpToTheChunkLimitRatherThanTheJsonLimit() {
            uploadAnswers(false);
            byte[] large = TransferFixtures.randomBytes((int) RunningServer.CHUNK_LIMIT);

            HttpResponse<String> response = running.send(put(2, large)
                    .header("Authorization", "Bearer " + SENDER_TOKEN).build());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(RunningServer.CHUNK_LIMIT).isGreaterThan(RunningServer.BODY_LIMIT);
        }

        @Test
        void refusesAChunkWhoseDeclaredLengthIsOverTheLimitBeforeReadingIt() {
            RawHttp.Response response = RawHttp.send(running.port(), "PUT " + TRANSFER + "/chunks/0 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + SENDER_TOKEN + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + (RunningServer.CHUNK_LIMIT + 1));

            assertThat(response.status()).isEqualTo(413);
            assertThat(RunningServer.json(response.body()).path("code").asText()).isEqualTo("payload_too_large");
            verifyNoInteractions(uses.uploadChunk, uses.authenticateRequest);
        }

        @Test
        void refusesAChunkedBodyOnceItGrowsPastTheLimit() {
            byte[] tooLarge = TransferFixtures.randomBytes((int) RunningServer.CHUNK_LIMIT + 1);

            RawHttp.Response response = RawHttp.send(running.port(), "PUT " + TRANSFER + "/chunks/0 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + SENDER_TOKEN + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked",
                    RawHttp.chunked(tooLarge, 512));

            assertThat(response.status()).isEqualTo(413);
            verifyNoInteractions(uses.uploadChunk, uses.authenticateRequest);
        }

        @Test
        void acceptsAChunkedBodyWithinTheLimit() {
            uploadAnswers(false);
            byte[] fits = TransferFixtures.randomBytes((int) RunningServer.CHUNK_LIMIT);

            RawHttp.Response response = RawHttp.send(running.port(), "PUT " + TRANSFER + "/chunks/2 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + SENDER_TOKEN + "\r\n"
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked",
                    RawHttp.chunked(fits, 700));

            assertThat(response.status()).isEqualTo(201);
            ArgumentCaptor<byte[]> stored = ArgumentCaptor.forClass(byte[].class);
            verify(uses.uploadChunk).upload(any(), anyString(), any(), anyInt(), stored.capture());
            assertThat(stored.getValue()).isEqualTo(fits);
        }

        @Test
        void refusesAnIndexThatIsNotAWholeNumber() {
            HttpResponse<String> response = running.send(running.request(TRANSFER + "/chunks/-1")
                    .header("Authorization", "Bearer " + SENDER_TOKEN)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());

            assertThat(problem(response, 422, "validation_failed").path("detail").asText())
                    .isEqualTo("index: must be a whole number from 0");
        }
    }

    @Nested
    class BearerTokens {

        private HttpResponse<String> getWith(Optional<String> authorization) {
            HttpRequest.Builder request = running.request(TRANSFER).GET();
            authorization.ifPresent(value -> request.header("Authorization", value));
            return running.send(request.build());
        }

        @Test
        void asksForATokenWith401WhenThereIsNone() {
            HttpResponse<String> response = getWith(Optional.empty());

            problem(response, 401, "capability_invalid");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.headers().firstValue("Accept-Signature")).isEmpty();
            verifyNoInteractions(uses.getTransfer);
        }

        @Test
        void asksForATokenWith401WhenAnotherSchemeIsSent() {
            HttpResponse<String> response = getWith(Optional.of("Basic YWxpY2U6c2VjcmV0"));

            problem(response, 401, "capability_invalid");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }

        @Test
        void refusesAMalformedTokenWith403WithoutEchoingIt() {
            HttpResponse<String> response = getWith(Optional.of("Bearer not a token"));

            JsonNode problem = problem(response, 403, "capability_invalid");
            assertThat(problem.path("detail").asText()).doesNotContain("not a token");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
            verifyNoInteractions(uses.getTransfer);
        }

        @Test
        void answersATokenTheCoreRefusesWith403() {
            when(uses.getTransfer.get(anyString(), any())).thenThrow(new SignalingException(
                    ErrorCode.CAPABILITY_INVALID, "the capability token is not valid"));

            problem(getWith(Optional.of("Bearer " + SENDER_TOKEN)), 403, "capability_invalid");
        }

        @Test
        void refusesTwoAuthorizationHeaders() {
            RawHttp.Response response = RawHttp.send(running.port(), "GET " + TRANSFER + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + SENDER_TOKEN + "\r\nAuthorization: Bearer "
                    + RECEIVER_TOKEN);

            assertThat(response.status()).isEqualTo(400);
            verifyNoInteractions(uses.getTransfer);
        }
    }

    @Nested
    class Reading {

        @Test
        void showsEitherEndTheStateAndProgress() {
            when(uses.getTransfer.get(SENDER_TOKEN, Fixtures.TRANSFER_ID)).thenReturn(new GetTransfer.View(
                    Fixtures.transfer(3, 1), TransferRole.SENDER, Fixtures.CREATED.plusSeconds(30)));

            HttpResponse<String> response = running.send(running.request(TRANSFER)
                    .header("Authorization", "Bearer " + SENDER_TOKEN).GET().build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"transferId\":\"transfer-0000000001\",\"role\":\"sender\","
                    + "\"state\":\"available\",\"chunkCount\":4,\"chunkSize\":1024,\"totalBytes\":3000,"
                    + "\"uploadedChunks\":3,\"uploadedBytes\":3000,\"acknowledgedChunks\":1,\"claimed\":true,"
                    + "\"expiresAt\":\"2026-01-02T03:14:05.000Z\"}");
            verifyNoInteractions(uses.authenticateRequest);
        }

        @Test
        void tellsWhenATransferCompletedAndThatItExpiredOtherwise() {
            when(uses.getTransfer.get(RECEIVER_TOKEN, Fixtures.TRANSFER_ID)).thenReturn(new GetTransfer.View(
                    Fixtures.completeTransfer(), TransferRole.RECEIVER, Fixtures.CREATED.plusSeconds(100)));

            JsonNode complete = RunningServer.json(running.send(running.request(TRANSFER)
                    .header("Authorization", "Bearer " + RECEIVER_TOKEN).GET().build()));

            assertThat(complete.path("state").asText()).isEqualTo("complete");
            assertThat(complete.path("completedAt").asText()).isEqualTo("2026-01-02T03:05:35.000Z");

            when(uses.getTransfer.get(SENDER_TOKEN, Fixtures.TRANSFER_ID)).thenReturn(new GetTransfer.View(
                    Fixtures.transfer(1, 0), TransferRole.SENDER, Fixtures.CREATED.plusSeconds(601)));
            JsonNode expired = RunningServer.json(running.send(running.request(TRANSFER)
                    .header("Authorization", "Bearer " + SENDER_TOKEN).GET().build()));

            assertThat(expired.path("state").asText()).isEqualTo("expired");
            assertThat(expired.has("completedAt")).isFalse();
        }

        @Test
        void answersAnUnknownTransferWith404() {
            when(uses.getTransfer.get(anyString(), any())).thenThrow(new SignalingException(
                    ErrorCode.TRANSFER_NOT_FOUND, "no such transfer"));

            problem(running.send(running.request(TRANSFER).header("Authorization", "Bearer " + SENDER_TOKEN)
                    .GET().build()), 404, "transfer_not_found");
        }
    }

    @Nested
    class Downloading {
        private final byte[] bytes = TransferFixtures.randomBytes(1000);

        private HttpResponse<byte[]> download(String path) {
            return running.sendForBytes(running.request(TRANSFER + path)
                    .header("Authorization", "Bearer " + RECEIVER_TOKEN).GET().build());
        }

        @Test
        void servesTheBytesWithTheirIndexAndRepresentationDigest() {
            when(uses.downloadChunk.byIndex(RECEIVER_TOKEN, Fixtures.TRANSFER_ID, 2))
                    .thenReturn(Fixtures.chunk(2, bytes));

            HttpResponse<byte[]> response = download("/chunks/2");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(response.headers().firstValue("Chunk-Index")).hasValue("2");
            assertThat(response.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + base64Sha256(bytes) + ":");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            verifyNoInteractions(uses.authenticateRequest);
        }

        @Test
        void answersAChunkNotYetUploadedWith404() {
            when(uses.downloadChunk.byIndex(anyString(), any(), anyInt())).thenThrow(new SignalingException(
                    ErrorCode.CHUNK_NOT_AVAILABLE, "chunk 3 is not uploaded yet"));

            HttpResponse<String> response = running.send(running.request(TRANSFER + "/chunks/3")
                    .header("Authorization", "Bearer " + RECEIVER_TOKEN).GET().build());

            problem(response, 404, "chunk_not_available");
        }

        @Test
        void answersAnAcknowledgedChunkWith410() {
            when(uses.downloadChunk.byIndex(anyString(), any(), anyInt())).thenThrow(new SignalingException(
                    ErrorCode.CHUNK_ACKNOWLEDGED, "chunk 0 was acknowledged and deleted"));

            HttpResponse<String> response = running.send(running.request(TRANSFER + "/chunks/0")
                    .header("Authorization", "Bearer " + RECEIVER_TOKEN).GET().build());

            problem(response, 410, "chunk_acknowledged");
        }

        @Test
        void servesTheNextWaitingChunk() {
            when(uses.downloadChunk.next(RECEIVER_TOKEN, Fixtures.TRANSFER_ID)).thenReturn(
                    new DownloadChunk.Next.Ready(Fixtures.chunk(1, bytes), Fixtures.transfer(2, 1)));

            HttpResponse<byte[]> response = download("/chunks/next");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
            assertThat(response.headers().firstValue("Chunk-Index")).hasValue("1");
            assertThat(response.headers().firstValue("Repr-Digest")).hasValue("sha-256=:" + base64Sha256(bytes) + ":");
        }

        @Test
        void saysToComeBackWhenTheNextChunkIsNotUploadedYet() {
            when(uses.downloadChunk.next(RECEIVER_TOKEN, Fixtures.TRANSFER_ID)).thenReturn(
                    new DownloadChunk.Next.Nothing(Fixtures.transfer(1, 1)));

            HttpResponse<byte[]> response = download("/chunks/next");

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().firstValue("Transfer-State")).hasValue("waiting");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        }

        @Test
        void saysWhenEveryChunkIsDelivered() {
            when(uses.downloadChunk.next(RECEIVER_TOKEN, Fixtures.TRANSFER_ID)).thenReturn(
                    new DownloadChunk.Next.Nothing(Fixtures.completeTransfer()));

            HttpResponse<byte[]> response = download("/chunks/next");

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().firstValue("Transfer-State")).hasValue("complete");
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void acknowledgesAsTheSignerWithTheReceiversTokenAndAnswersTheProgress() {
            when(uses.acknowledgeChunk.acknowledge(UseCaseDoubles.ALICE, RECEIVER_TOKEN, Fixtures.TRANSFER_ID, 3))
                    .thenReturn(Fixtures.completeTransfer());

            HttpResponse<String> response = running.send(running.request(TRANSFER + "/chunks/3/ack")
                    .header("Authorization", "Bearer " + RECEIVER_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode progress = RunningServer.json(response);
            assertThat(progress.path("role").asText()).isEqualTo("receiver");
            assertThat(progress.path("state").asText()).isEqualTo("complete");
            assertThat(progress.path("acknowledgedChunks").asInt()).isEqualTo(4);
        }

        @Test
        void refusesAnAcknowledgementWithoutAToken() {
            HttpResponse<String> response = running.send(running.request(TRANSFER + "/chunks/3/ack")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());

            problem(response, 401, "capability_invalid");
            verifyNoInteractions(uses.acknowledgeChunk);
        }
    }

    @Test
    void neverLogsTokensVerifiersOrChunkBytes() {
        try (CapturedLogs logs = CapturedLogs.of("dev.switchboard.adapter.http")) {
            when(uses.claimTransfer.claim(any(), any())).thenThrow(new SignalingException(
                    ErrorCode.VERIFIER_MISMATCH, "the access verifier does not match"));
            running.send("POST", "/v1/transfers/claim", "{\"code\":\"H4KR7WQZ\",\"accessVerifier\":\"s3cr3t-verifier\"}");
            running.send(running.request(TRANSFER).header("Authorization", "Bearer " + SENDER_TOKEN).GET().build());
            running.send(running.request(TRANSFER + "/chunks/0").header("Authorization", "Bearer " + SENDER_TOKEN)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofString("chunk-bytes-in-clear", StandardCharsets.UTF_8)).build());

            assertThat(logs.events()).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                    .doesNotContain(SENDER_TOKEN, "s3cr3t-verifier", "chunk-bytes-in-clear"));
        }
    }
}

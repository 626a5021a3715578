package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.app.StoreKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** A transfer nobody finishes expires, refuses everything with 410, and its chunks are deleted, on every store. */
@OnEveryStore
class RelayExpiryTest {

    @Parameter
    StoreKind store;

    /** Seconds instead of minutes: a two-second transfer that activity keeps alive one second at a time. */
    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettingsAnd(Map.of(
            "SWITCHBOARD_TRANSFER_TTL_MIN_SECONDS", "1",
            "SWITCHBOARD_TRANSFER_ACTIVITY_EXTENSION_SECONDS", "1",
            "SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "1"));

    @Test
    void refusesEveryUseOnceExpiredAndDeletesTheChunks() {
        Api api = SWITCHBOARD.api();
        RelayClient sender = RelayClient.withNewKey(api);
        RelayClient receiver = RelayClient.withNewKey(api);
        RelayClient.Created transfer = sender.create(Map.of("chunkCount", 2, "chunkSize", 1024, "ttlSeconds", 2));
        String token = receiver.claim(transfer.code());
        assertThat(sender.upload(transfer.transferId(), transfer.senderToken(), 0, new byte[1024]).status())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).until(() ->
                sender.progress(transfer.transferId(), transfer.senderToken()).json().path("state").asText()
                        .equals("expired"));

        BinaryResponse chunk = receiver.chunk(transfer.transferId(), token, 0);
        assertThat(chunk.status()).as("%s", chunk).isEqualTo(410);
        assertThat(chunk.code()).isEqualTo("transfer_expired");
        BinaryResponse next = receiver.next(transfer.transferId(), token);
        assertThat(next.code()).isEqualTo("transfer_expired");
        ApiResponse upload = sender.upload(transfer.transferId(), transfer.senderToken(), 1, new byte[1024]);
        assertThat(upload.status()).as("%s", upload).isEqualTo(410);
        assertThat(upload.code()).isEqualTo("transfer_expired");
        ApiResponse ack = receiver.acknowledge(transfer.transferId(), token, 0);
        assertThat(ack.code()).isEqualTo("transfer_expired");
        assertThat(receiver.progress(transfer.transferId(), token).json().path("state").asText()).isEqualTo("expired");
        if (store == StoreKind.POSTGRES) {
            // Behind the application's back: the sweep must have deleted the bytes, not just hidden them.
            await().atMost(Duration.ofSeconds(15)).until(() -> TestDatabase.execute(SWITCHBOARD.database(),
                    "SELECT count(*) FROM transfer_chunks WHERE transfer_id = ?", transfer.transferId()) == 0);
            assertThat(TestDatabase.execute(SWITCHBOARD.database(),
                    "SELECT count(*) FROM transfers WHERE id = ? AND purged_at IS NOT NULL", transfer.transferId()))
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesToClaimAnExpiredTransfer() {
        Api api = SWITCHBOARD.api();
        RelayClient sender = RelayClient.withNewKey(api);
        RelayClient.Created transfer = sender.create(Map.of("chunkCount", 1, "chunkSize", 16, "ttlSeconds", 1));

        await().atMost(Duration.ofSeconds(15)).until(() ->
                sender.progress(transfer.transferId(), transfer.senderToken()).json().path("state").asText()
                        .equals("expired"));
        ApiResponse late = RelayClient.withNewKey(api).tryClaim(transfer.code());

        assertThat(late.status()).as("%s", late).isEqualTo(410);
        assertThat(late.code()).isEqualTo("transfer_expired");
    }
}

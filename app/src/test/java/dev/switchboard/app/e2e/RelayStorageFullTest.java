package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The server's byte budget refuses what it cannot hold, and frees what a complete transfer held, on every store. */
@OnEveryStore
class RelayStorageFullTest {
    private static final int SERVER_BYTES = 1024 * 1024;
    private static final int LARGE = 600 * 1024;

    @Parameter
    StoreKind store;

    /** Its own schema: the budget counts every live transfer in the store, whichever suite created it. */
    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.inOwnSchemaWith(Map.of(
            "SWITCHBOARD_TRANSFER_MAX_SERVER_BYTES", String.valueOf(SERVER_BYTES)));

    @Test
    void refusesATransferThatDoesNotFitUntilAnotherCompletes() {
        Api api = SWITCHBOARD.api();
        RelayClient sender = RelayClient.withNewKey(api);
        RelayClient receiver = RelayClient.withNewKey(api);
        RelayClient.Created first = sender.create(1, LARGE);

        ApiResponse refused = RelayClient.withNewKey(api).tryCreate(Map.of("chunkCount", 1, "chunkSize", LARGE));
        ApiResponse smaller = RelayClient.withNewKey(api)
                .tryCreate(Map.of("chunkCount", 1, "chunkSize", SERVER_BYTES - LARGE));

        assertThat(refused.status()).as("%s", refused).isEqualTo(507);
        assertThat(refused.code()).isEqualTo("storage_full");
        assertThat(smaller.status()).as("what still fits: %s", smaller).isEqualTo(201);

        String token = receiver.claim(first.code());
        assertThat(sender.upload(first.transferId(), first.senderToken(), 0, new byte[LARGE]).status()).isEqualTo(201);
        assertThat(receiver.next(first.transferId(), token).body()).hasSize(LARGE);
        assertThat(receiver.acknowledge(first.transferId(), token, 0).status()).isEqualTo(200);

        assertThat(RelayClient.withNewKey(api).tryCreate(Map.of("chunkCount", 1, "chunkSize", 400 * 1024)).status())
                .as("the complete transfer's bytes are free again").isEqualTo(201);
    }

    @Test
    void refusesATransferLargerThanTheServerCouldEverHoldAsInvalid() {
        ApiResponse refused = RelayClient.withNewKey(SWITCHBOARD.api())
                .tryCreate(Map.of("chunkCount", 2, "chunkSize", SERVER_BYTES));

        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("validation_failed");
    }
}

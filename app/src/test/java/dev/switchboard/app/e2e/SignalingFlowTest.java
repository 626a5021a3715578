package dev.switchboard.app.e2e;

import dev.switchboard.app.StoreKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** The signaling flow end to end on every store: with server-issued HMAC credentials, and with Ed25519 keys. */
@OnEveryStore
class SignalingFlowTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    @Nested
    class WithHmacCredentials extends SignalingFlowScenarios {
        @Override
        Api api() {
            return SWITCHBOARD.api();
        }

        @Override
        Peer newPeer() {
            return api().newHmacPeer();
        }
    }

    @Nested
    class WithEd25519Keys extends SignalingFlowScenarios {
        @Override
        Api api() {
            return SWITCHBOARD.api();
        }

        @Override
        Peer newPeer() {
            return api().newEd25519Peer();
        }
    }
}

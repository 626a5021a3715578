package dev.switchboard.app.e2e;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The signaling flow end to end, once with server-issued HMAC credentials and once with Ed25519 keys. */
class SignalingFlowTest {

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

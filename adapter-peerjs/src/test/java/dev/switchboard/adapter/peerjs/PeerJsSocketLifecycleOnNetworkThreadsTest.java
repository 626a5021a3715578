package dev.switchboard.adapter.peerjs;

import org.junit.jupiter.api.Nested;

/** The socket lifecycle tests with use cases on the network threads, as over the in-memory store. */
class PeerJsSocketLifecycleOnNetworkThreadsTest extends PeerJsSocketLifecycleTest {
    @Override
    boolean useCasesBlock() {
        return false;
    }

    @Nested
    class WhenThePeerReconnectsOnNetworkThreads extends WhenThePeerReconnects {}

    @Nested
    class WhenTheSocketClosesOnNetworkThreads extends WhenTheSocketCloses {}

    @Nested
    class LivenessOnNetworkThreads extends Liveness {}

    @Nested
    class OnShutdownOnNetworkThreads extends OnShutdown {}
}

package dev.switchboard.adapter.peerjs;

/** The HTTP routes tests with use cases on the network threads, as over the in-memory store. */
class PeerJsHttpRoutesOnNetworkThreadsTest extends PeerJsHttpRoutesTest {
    @Override
    boolean useCasesBlock() {
        return false;
    }
}

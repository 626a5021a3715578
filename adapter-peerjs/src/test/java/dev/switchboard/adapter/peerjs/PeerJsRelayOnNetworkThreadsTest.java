package dev.switchboard.adapter.peerjs;

/** The relay tests with use cases on the network threads, as over the in-memory store. */
class PeerJsRelayOnNetworkThreadsTest extends PeerJsRelayTest {
    @Override
    boolean useCasesBlock() {
        return false;
    }
}

package dev.switchboard.adapter.peerjs;

/** The handshake tests with use cases on the network threads, as over the in-memory store. */
class PeerJsHandshakeOnNetworkThreadsTest extends PeerJsHandshakeTest {
    @Override
    boolean useCasesBlock() {
        return false;
    }
}

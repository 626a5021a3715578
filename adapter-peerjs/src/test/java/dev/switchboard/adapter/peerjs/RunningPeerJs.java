package dev.switchboard.adapter.peerjs;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PeerJS server on a free port over a fresh {@link FakePeerJs}, stopped after each test; its use cases run on
 * worker threads, or on the network threads for a test class that says they never block.
 */
final class RunningPeerJs implements AfterEachCallback {
    final FakePeerJs peerJs = new FakePeerJs();
    private final boolean useCasesBlock;
    private PeerJsServer server;

    RunningPeerJs(boolean useCasesBlock) {
        this.useCasesBlock = useCasesBlock;
    }

    RunningPeerJs() {
        this(true);
    }

    boolean useCasesBlock() {
        return useCasesBlock;
    }

    /** Loopback, a free port, 4 KiB frames; a frame rate out of reach, except where a test sets its own. */
    static PeerJsSettings settings() {
        return new PeerJsSettings("127.0.0.1", 0, "/", List.of(), 4096, Duration.ofSeconds(15), 1, 4,
                Duration.ofSeconds(2)).withFrameRate(1_000_000, 1_000_000);
    }

    PeerJsServer start() {
        return start(settings());
    }

    PeerJsServer start(PeerJsSettings settings) {
        server = PeerJsServer.start(useCasesBlock ? settings : settings.withNonBlockingUseCases(), peerJs.useCases());
        return server;
    }

    int port() {
        return server.port();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }
}

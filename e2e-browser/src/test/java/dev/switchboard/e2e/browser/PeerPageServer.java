package dev.switchboard.e2e.browser;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the test page on a free loopback port: {@code /} and {@code /harness.js} from the test's resources, and
 * {@code /peerjs.min.js}, the unmodified UMD bundle of the {@code peerjs} npm package that the build installed.
 */
final class PeerPageServer implements AutoCloseable {
    /** Where {@code npm ci} put the client; the build passes the folder holding package.json. */
    static final Path PEERJS_BUNDLE = Path.of(System.getProperty("browser.client.dir", "src/test/browser"))
            .resolve("node_modules/peerjs/dist/peerjs.min.js");

    private final TestPageServer server;

    private PeerPageServer(TestPageServer server) {
        this.server = server;
    }

    static PeerPageServer start() {
        if (!Files.isRegularFile(PEERJS_BUNDLE)) {
            throw new IllegalStateException("the peerjs client is not installed at " + PEERJS_BUNDLE.toAbsolutePath()
                    + ": the build runs `npm ci` in e2e-browser/src/test/browser (needs node and npm)");
        }
        return new PeerPageServer(TestPageServer.start(Map.of(
                "/", TestPageServer.resource("page/index.html"),
                "/harness.js", TestPageServer.resource("page/harness.js"),
                "/peerjs.min.js", TestPageServer.file(PEERJS_BUNDLE))));
    }

    /** The page, under the same host name the pages use to reach Switchboard. */
    URI page() {
        return URI.create(server.origin() + "/");
    }

    @Override
    public void close() {
        server.close();
    }
}

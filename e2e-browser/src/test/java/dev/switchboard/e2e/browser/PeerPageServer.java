package dev.switchboard.e2e.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the test page on a free loopback port: {@code /} and {@code /harness.js} from the test's resources, and
 * {@code /peerjs.min.js}, the unmodified UMD bundle of the {@code peerjs} npm package that the build installed.
 */
final class PeerPageServer implements AutoCloseable {
    /** Where {@code npm ci} put the client; the build passes the folder holding package.json. */
    static final Path PEERJS_BUNDLE = Path.of(System.getProperty("browser.client.dir", "src/test/browser"))
            .resolve("node_modules/peerjs/dist/peerjs.min.js");

    private final HttpServer server;

    private PeerPageServer(HttpServer server) {
        this.server = server;
    }

    static PeerPageServer start() {
        if (!Files.isRegularFile(PEERJS_BUNDLE)) {
            throw new IllegalStateException("the peerjs client is not installed at " + PEERJS_BUNDLE.toAbsolutePath()
                    + ": the build runs `npm ci` in e2e-browser/src/test/browser (needs node and npm)");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", PeerPageServer::serve);
            server.start();
            return new PeerPageServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page, under the same host name the pages use to reach Switchboard. */
    URI page() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = switch (exchange.getRequestURI().getPath()) {
                case "/" -> resource("page/index.html");
                case "/harness.js" -> resource("page/harness.js");
                case "/peerjs.min.js" -> Files.readAllBytes(PEERJS_BUNDLE);
                default -> null;
            };
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("Content-Type",
                    path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PeerPageServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

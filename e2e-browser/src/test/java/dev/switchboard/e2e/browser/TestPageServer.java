package dev.switchboard.e2e.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a fixed set of files on a free loopback port, each read when asked for (so a changed file shows at the
 * next load): the pages the tests load into Chromium, on an origin of their own. Any other path is a 404.
 */
final class TestPageServer implements AutoCloseable {
    /** Where a served file's bytes come from. */
    @FunctionalInterface
    interface Source {
        byte[] read() throws IOException;
    }

    private final HttpServer server;

    private TestPageServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code files}, by request path ({@code "/"}, {@code "/harness.js"}, ...). */
    static TestPageServer start(Map<String, Source> files) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> serve(exchange, files));
            server.start();
            return new TestPageServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test resource, by its name on the class path. */
    static Source resource(String name) {
        return () -> {
            try (InputStream in = TestPageServer.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("missing test resource " + name);
                }
                return in.readAllBytes();
            }
        };
    }

    /** A file of the checkout or the build. */
    static Source file(Path path) {
        return () -> Files.readAllBytes(path);
    }

    /** The origin, under the same host name the pages use to reach Switchboard. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, Map<String, Source> files) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Source source = files.get(path);
            if (source == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = source.read();
            exchange.getResponseHeaders().set("Content-Type",
                    path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

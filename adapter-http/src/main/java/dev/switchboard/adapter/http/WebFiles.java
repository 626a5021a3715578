package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static web files served next to the API: the JavaScript client at {@code /js/switchboard.js}, and the
 * demo page at {@code /demo} (and at {@code /join}, where join links point) with its own files under
 * {@code /demo/}. Only these exact paths: anything else, a {@code ..} included, goes on to the API's router
 * and is 404 there. The files are read once from the jar at start and answered from memory, whatever the
 * query (the page reads it), with a strong {@code ETag}, revalidated on every use so that an upgrade is
 * never hidden behind a cache, and the page's content security policy.
 */
final class WebFiles implements ExchangeHandler {
    /** Where the files lie in the jar, next to this class. */
    static final String RESOURCES = "web/";
    static final String CACHE_CONTROL = "no-cache";
    private static final String ALLOWED = "GET, HEAD";

    private final ExchangeHandler next;
    private final ReplyWriter writer;
    private final Map<String, WebFile> byPath;

    private WebFiles(ExchangeHandler next, ReplyWriter writer, Map<String, WebFile> byPath) {
        this.next = next;
        this.writer = writer;
        this.byPath = byPath;
    }

    /** Reads every file once, failing at start rather than on the first request if the build lost one. */
    static WebFiles fromClasspath(ExchangeHandler next, ReplyWriter writer) {
        Map<String, WebFile> byPath = new LinkedHashMap<>();
        WebFile page = WebFile.read("demo.html", "text/html; charset=utf-8");
        byPath.put("/js/switchboard.js", WebFile.read("switchboard.js", "text/javascript; charset=utf-8"));
        byPath.put("/demo", page);
        byPath.put("/join", page);
        byPath.put("/demo/demo.js", WebFile.read("demo.js", "text/javascript; charset=utf-8"));
        byPath.put("/demo/demo.css", WebFile.read("demo.css", "text/css; charset=utf-8"));
        byPath.put("/demo/qrcode.js", WebFile.read("qrcode.js", "text/javascript; charset=utf-8"));
        return new WebFiles(next, writer, Map.copyOf(byPath));
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        String path = exchange.path();
        WebFile file = byPath.get(path);
        if (file == null) {
            next.handle(exchange);
            return;
        }
        exchange.attach(HttpMetrics.ROUTE, path);
        String method = exchange.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.responseHeaders().set(HttpHeaderNames.ALLOW, ALLOWED);
            writer.write(exchange, Reply.problem(ErrorCode.METHOD_NOT_ALLOWED,
                    method + " is not allowed here; see the Allow header"));
            return;
        }
        if (!RequestDeadline.claim(exchange)) {
            return;
        }
        SecurityHeaders.markAsWebFile(exchange, CACHE_CONTROL);
        exchange.responseHeaders().set(HttpHeaderNames.ETAG, file.etag());
        if (file.matchesAny(exchange.requestHeaders().getAll(HttpHeaderNames.IF_NONE_MATCH))) {
            exchange.sendEmpty(304);
            return;
        }
        // For HEAD, the exchange sends the length and no body.
        exchange.send(200, file.contentType(), file.content());
    }

    /** One file: its bytes, media type and entity tag. */
    private record WebFile(byte[] content, String contentType, String etag) {

        static WebFile read(String name, String contentType) {
            try (InputStream in = WebFiles.class.getResourceAsStream(RESOURCES + name)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCES + name + " is missing from the adapter's jar");
                }
                byte[] content = in.readAllBytes();
                return new WebFile(content, contentType, etagOf(content));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
            }
        }

        private static String etagOf(byte[] content) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
                return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        /** RFC 9110's weak comparison of {@code If-None-Match}: any listed tag, {@code W/} or not, or {@code *}. */
        boolean matchesAny(List<String> ifNoneMatch) {
            for (String value : ifNoneMatch) {
                for (String tag : value.split(",")) {
                    String trimmed = tag.strip();
                    if (trimmed.startsWith("W/")) {
                        trimmed = trimmed.substring(2);
                    }
                    if (trimmed.equals("*") || trimmed.equals(etag)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}

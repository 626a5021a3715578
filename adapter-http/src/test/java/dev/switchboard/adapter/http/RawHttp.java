package dev.switchboard.adapter.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} will not send as written: chunked
 * bodies, lying lengths, repeated headers, absolute-form targets, encodings left alone. Each request
 * asks the server to close the connection, so the response is whatever arrives until then.
 */
final class RawHttp {

    private RawHttp() {}

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body} as they are. */
    static Response send(int port, String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Response.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response send(int port, String head) {
        return send(port, head, new byte[0]);
    }

    /** A body in chunked transfer coding, cut into chunks of {@code chunkSize}. */
    static byte[] chunked(byte[] body, int chunkSize) {
        StringBuilder encoded = new StringBuilder();
        for (int start = 0; start < body.length; start += chunkSize) {
            int length = Math.min(chunkSize, body.length - start);
            encoded.append(Integer.toHexString(length)).append("\r\n")
                    .append(new String(body, start, length, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return encoded.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A response: status, headers by lower-cased name, and the body as UTF-8. */
    record Response(int status, Map<String, String> headers, String body) {

        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("no complete response: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] field = lines[i].split(":", 2);
                headers.put(field[0].strip().toLowerCase(Locale.ROOT), field[1].strip());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }
}

package dev.switchboard.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A response whose body is kept as the bytes received: a chunk, or a problem when the request failed. */
record BinaryResponse(int status, HttpHeaders headers, byte[] body) {

    static BinaryResponse of(HttpResponse<byte[]> response) {
        return new BinaryResponse(response.statusCode(), response.headers(), response.body());
    }

    JsonNode json() {
        return Json.parse(text());
    }

    /** The problem {@code code} of an error response. */
    String code() {
        return json().path("code").asText(null);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String type = header("Content-Type");
        return status + (type != null && type.contains("json") ? " " + text() : " (" + body.length + " bytes)");
    }
}

package dev.switchboard.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** A response as the client received it. */
record ApiResponse(int status, HttpHeaders headers, String body) {

    static ApiResponse of(HttpResponse<String> response) {
        return new ApiResponse(response.statusCode(), response.headers(), response.body());
    }

    JsonNode json() {
        return Json.parse(body);
    }

    /** The problem {@code code} of an error response. */
    String code() {
        return json().path("code").asText(null);
    }

    String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}

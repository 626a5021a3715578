package dev.switchboard.app.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** JSON for the test client: request bodies from maps and lists, responses as trees. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the response is not JSON: " + json, e);
        }
    }

    /** The elements of a JSON array. */
    static List<JsonNode> elements(JsonNode array) {
        if (!array.isArray()) {
            throw new AssertionError("expected a JSON array, got " + array);
        }
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** The text of {@code field} in each element of a JSON array. */
    static List<String> texts(JsonNode array, String field) {
        return elements(array).stream().map(element -> element.path(field).asText()).toList();
    }
}

package dev.switchboard.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.ports.SignalingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a flat JSON object with Jackson's streaming parser, on the relay's hot path, without building a
 * tree: each declared field is text, a whole number, or a raw JSON value kept verbatim as the slice of the
 * input it spans (its well-formedness checked while it is skipped). An unknown or repeated field, a value
 * of the wrong type, and trailing content are {@code malformed_request}.
 */
final class FlatJsonReader {

    /** What a field holds. */
    enum Kind { TEXT, WHOLE_NUMBER, RAW_JSON }

    private final JsonFactory factory;
    private final String subject;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final Kind[] kinds;

    /**
     * @param subject names the document in refusals, e.g. {@code the frame}
     * @param fields  the fields the object may have, in any order
     */
    FlatJsonReader(JsonFactory factory, String subject, Map<String, Kind> fields) {
        this.factory = factory;
        this.subject = subject;
        this.kinds = new Kind[fields.size()];
        new LinkedHashMap<>(fields).forEach((name, kind) -> {
            kinds[indexes.size()] = kind;
            indexes.put(name, indexes.size());
        });
    }

    Fields read(String text) {
        Object[] values = new Object[kinds.length];
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw WireJson.malformed(subject + " must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Integer index = indexes.get(name);
                if (index == null) {
                    throw WireJson.malformed("unknown field '" + name + "'");
                }
                JsonToken token = parser.nextToken();
                values[index] = token == JsonToken.VALUE_NULL && kinds[index] != Kind.RAW_JSON
                        ? null : value(parser, token, kinds[index], name, text);
            }
            if (parser.nextToken() != null) {
                throw WireJson.malformed(subject + " must hold a single JSON object");
            }
        } catch (IOException e) {
            throw JsonRejection.of(e, subject);
        }
        return new Fields(values);
    }

    private static Object value(JsonParser parser, JsonToken token, Kind kind, String name, String text)
            throws IOException {
        return switch (kind) {
            case TEXT -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw WireJson.malformed(name + ": expected a string");
                }
                yield parser.getText();
            }
            case WHOLE_NUMBER -> {
                if (token != JsonToken.VALUE_NUMBER_INT) {
                    throw WireJson.malformed(name + ": expected a whole number");
                }
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw WireJson.malformed(name + ": number out of range");
                }
                yield parser.getLongValue();
            }
            case RAW_JSON -> rawSlice(parser, token, text);
        };
    }

    /** The value starting at the current token, exactly as written: from its first character to its last. */
    private static String rawSlice(JsonParser parser, JsonToken token, String text) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (token.isStructStart()) {
            parser.skipChildren();
        } else {
            // Strings are decoded lazily; finishing the token moves the parser past its closing quote.
            parser.finishToken();
        }
        int end = (int) parser.currentLocation().getCharOffset();
        return text.substring(start, end);
    }

    /** Index of a declared field; a name the reader does not declare is a programming error. */
    private int indexOf(String name) {
        Integer index = indexes.get(name);
        if (index == null) {
            throw new IllegalArgumentException("undeclared field " + name);
        }
        return index;
    }

    /** The fields of one object; a field that is absent or {@code null} is empty (except raw JSON {@code null}). */
    final class Fields {
        private final Object[] values;

        private Fields(Object[] values) {
            this.values = values;
        }

        Optional<String> text(String name) {
            return Optional.ofNullable((String) values[indexOf(name)]);
        }

        OptionalLong wholeNumber(String name) {
            Object value = values[indexOf(name)];
            return value == null ? OptionalLong.empty() : OptionalLong.of((Long) value);
        }

        /** The raw JSON text of the field; {@code null} in the input is the text {@code null}. */
        Optional<String> rawJson(String name) {
            return Optional.ofNullable((String) values[indexOf(name)]);
        }

        /** Whether the object has the field with a value (text {@code null} counts as absent). */
        boolean present(String name) {
            return values[indexOf(name)] != null;
        }

        /** Fails as {@code validation_failed} when the field is absent or null. */
        String requiredText(String name) {
            return text(name).orElseThrow(() -> SignalingException.invalid(name, "is required"));
        }
    }
}

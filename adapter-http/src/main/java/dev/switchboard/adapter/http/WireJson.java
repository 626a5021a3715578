package dev.switchboard.adapter.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The one Jackson configuration of the adapter: strict on the way in (unknown and duplicate fields,
 * trailing tokens, scalar coercion, depth and size all refused), RFC 3339 timestamps on the way out.
 * Turns every parse or mapping failure into {@code malformed_request} with a detail that names the field,
 * never a Java type.
 */
final class WireJson {
    static final int MAX_NUMBER_LENGTH = 24;
    private static final int MAX_NAME_LENGTH = 1024;

    private final ObjectMapper mapper;

    WireJson(long maxBodyBytes, int maxDepth) {
        this.mapper = JsonMapper.builder(strictFactory(maxBodyBytes, maxDepth))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("switchboard-wire").addSerializer(Instant.class, new TimestampSerializer()))
                .build();
    }

    /**
     * The parser settings every input shares, for documents of at most {@code maxDocumentBytes} nested at
     * most {@code maxDepth} deep: string, number and name lengths bounded, duplicate fields refused.
     */
    static JsonFactory strictFactory(long maxDocumentBytes, int maxDepth) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxDocumentLength(maxDocumentBytes)
                        .maxStringLength((int) Math.min(maxDocumentBytes, Integer.MAX_VALUE))
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Parses a request body as {@code type}. */
    <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw malformed("the request body must be a JSON object, and it is empty");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (IOException e) {
            throw JsonRejection.of(e);
        }
        if (value == null) {
            throw malformed("the request body must be a JSON object, not null");
        }
        return value;
    }

    /** Maps a JSON object held as a tree (a field read raw) to {@code type}; {@code field} prefixes any refusal. */
    <T> T read(JsonNode node, Class<T> type, String field) {
        if (!node.isObject()) {
            throw malformed(field + ": expected an object");
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            SignalingException refused = JsonRejection.of(e);
            throw new SignalingException(refused.code(), field + ": " + refused.getMessage());
        }
    }

    /**
     * A generator for several values written one after the other into {@code out} (no separator between
     * them), each exactly as {@link #write(Object)} would encode it; see {@link FrameBatch}.
     */
    JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = mapper.createGenerator(out, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null);
        return generator;
    }

    /** Writes {@code value} to a generator of {@link #generator(OutputStream)}. */
    void write(JsonGenerator generator, Object value) throws IOException {
        mapper.writeValue(generator, value);
    }

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** A JSON value as compact text, e.g. an ICE candidate to hand to the core. */
    String compact(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    static SignalingException malformed(String detail) {
        return new SignalingException(ErrorCode.MALFORMED_REQUEST, detail);
    }
}

package dev.switchboard.adapter.http;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.switchboard.ports.SignalingException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why Jackson refused a body in the client's terms: the field path and the JSON type expected,
 * never a Java class or a parser internal. Validation failures thrown while mapping pass through as they are.
 */
final class JsonRejection {
    private static final Pattern ALLOWED = Pattern.compile("maximum allowed \\(([0-9]+)");


    private JsonRejection() {}

    static SignalingException of(IOException failure) {
        return of(failure, "the request body");
    }

    /** The same for any JSON document; {@code subject} names it in the detail, e.g. {@code the frame}. */
    static SignalingException of(IOException failure, String subject) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SignalingException signaling) {
                return signaling;
            }
            if (cause instanceof StreamConstraintsException limit) {
                return WireJson.malformed(subject + " exceeds a JSON limit: " + limitOf(limit));
            }
        }
        if (failure instanceof StreamReadException syntax) {
            return WireJson.malformed(subject + " is not valid JSON (line " + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr() + "): " + withoutLocation(syntax));
        }
        if (failure instanceof JsonMappingException mapping) {
            return WireJson.malformed(mismatch(mapping));
        }
        return WireJson.malformed(subject + " could not be read");
    }

    /** Which limit, in words a client can act on, without Jackson's class names. */
    private static String limitOf(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getMessage());
        Matcher allowed = ALLOWED.matcher(message);
        String maximum = allowed.find() ? allowed.group(1) : "the limit";
        if (message.contains("nesting depth")) {
            return "nesting depth at most " + maximum + " levels";
        }
        if (message.contains("Number value length")) {
            return "numbers at most " + maximum + " digits";
        }
        if (message.contains("String value length")) {
            return "strings at most " + maximum + " characters";
        }
        if (message.contains("Name length")) {
            return "field names at most " + maximum + " characters";
        }
        return "document at most " + maximum + " long";
    }

    private static String mismatch(JsonMappingException failure) {
        String path = path(failure.getPath());
        if (failure instanceof UnrecognizedPropertyException) {
            return "unknown field '" + path + "'";
        }
        if (failure instanceof InvalidTypeIdException) {
            return (path.isEmpty() ? "" : path + ".") + "op: missing or not a known operation";
        }
        if (path.isEmpty()) {
            return "the request body must be a single JSON object";
        }
        if (failure.getCause() instanceof InputCoercionException) {
            return path + ": number out of range";
        }
        if (failure instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return path + ": expected " + jsonTypeOf(mismatched.getTargetType());
        }
        return path + ": invalid value";
    }

    /** {@code operations[2].offerId} */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String jsonTypeOf(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "an object";
    }

    /** The parser's own words, without the location suffix that names parser settings. */
    private static String withoutLocation(StreamReadException failure) {
        String message = String.valueOf(failure.getOriginalMessage());
        int location = message.indexOf(" (start marker at");
        if (location < 0) {
            location = message.indexOf("[Source");
        }
        return (location < 0 ? message : message.substring(0, location)).strip();
    }
}

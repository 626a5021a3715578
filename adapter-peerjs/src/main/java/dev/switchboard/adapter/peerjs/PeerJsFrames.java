package dev.switchboard.adapter.peerjs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The PeerJS wire format, both ways. A client frame is read from its UTF-8 bytes with Jackson's streaming parser
 * (a repeated field, deep nesting and huge numbers or strings refused), and its {@code payload} is cut out of those
 * bytes as it was written, so what the recipient gets is the sender's JSON to the byte, and the frame itself is
 * never turned into a {@code String}. The payload is the sender's business, so only the frame's own fields are
 * checked for repeats (Jackson's own check would build a hash set per object of every frame). Server frames are
 * written by hand around that raw payload: {@code {"type":..,"src":..,"dst":..,"payload":..}}.
 */
final class PeerJsFrames {
    /** The {@code payload} of a client frame that has none; written back as no payload at all. */
    static final String NO_PAYLOAD = "null";
    static final String OPEN = "{\"type\":\"OPEN\"}";
    static final String ID_TAKEN = "{\"type\":\"ID-TAKEN\",\"payload\":{\"msg\":\"ID is taken\"}}";

    private static final byte[] TYPE = ascii("{\"type\":\"");
    private static final byte[] SRC = ascii("\",\"src\":\"");
    private static final byte[] DST = ascii("\",\"dst\":\"");
    private static final byte[] PAYLOAD = ascii("\",\"payload\":");
    private static final byte[] END = ascii("\"}");

    /** The fields a client frame may have. */
    private static final List<String> FIELDS = List.of("type", "dst", "src", "payload");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxNumberLength(100).maxStringLength(PeerJsSettings.MAX_FRAME_LIMIT).build())
            .build();

    private PeerJsFrames() {}

    /** What a client's frame says, in the order it came: a message, or why it is not one. */
    sealed interface ClientFrame permits Inbound, Unreadable {}

    /** A client frame: its {@code type} as written, and {@code dst} and raw {@code payload} when present. */
    record Inbound(String type, Optional<String> dst, String payload) implements ClientFrame {}

    /** A frame that is not a PeerJS message; {@code reason} says why, for the client. */
    record Unreadable(String reason) implements ClientFrame {}

    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads a client frame from the readable bytes of {@code utf8}, already known to be UTF-8, and consumes them
     * all, whether or not they are a message.
     */
    static ClientFrame parse(ByteBuf utf8) {
        int base = utf8.readerIndex();
        try {
            // Jackson guesses UTF-16 or UTF-32 from zero bytes among the first four; JSON never has one there.
            if (utf8.bytesBefore(base, Math.min(4, utf8.readableBytes()), (byte) 0) >= 0) {
                return new Unreadable("not valid JSON: a message is JSON text in UTF-8, with no NUL byte");
            }
            try (JsonParser parser = FACTORY.createParser((InputStream) new ByteBufInputStream(utf8))) {
                return parse(parser, utf8, base);
            }
        } catch (Malformed malformed) {
            return new Unreadable(malformed.getMessage());
        } catch (JsonProcessingException e) {
            return new Unreadable("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            utf8.readerIndex(utf8.writerIndex());
        }
    }

    private static Inbound parse(JsonParser parser, ByteBuf utf8, int base) throws IOException, Malformed {
        String type = null;
        String dst = null;
        String payload = NO_PAYLOAD;
        int seen = 0;
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new Malformed("a message must be a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            seen = firstSight(field, seen);
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> type = text(parser, value, "type");
                case "dst" -> dst = text(parser, value, "dst");
                case "src" -> parser.skipChildren(); // the server sets src itself
                case "payload" -> payload = raw(parser, value, utf8, base);
                default -> throw new IllegalStateException("a field firstSight let through: " + field);
            }
        }
        if (parser.nextToken() != null) {
            throw new Malformed("nothing may follow the message's JSON object");
        }
        if (type == null) {
            throw new Malformed("a message needs a type");
        }
        return new Inbound(type, Optional.ofNullable(dst), payload);
    }

    /** {@code seen} (a bit per field of {@link #FIELDS}) with {@code field} added; unknown or repeated, refused. */
    private static int firstSight(String field, int seen) throws Malformed {
        int index = FIELDS.indexOf(field);
        if (index < 0) {
            throw new Malformed("unknown field \"" + field + "\"");
        }
        if ((seen & 1 << index) != 0) {
            throw new Malformed("duplicate field \"" + field + "\"");
        }
        return seen | 1 << index;
    }

    private static String text(JsonParser parser, JsonToken value, String field) throws IOException, Malformed {
        if (value != JsonToken.VALUE_STRING) {
            throw new Malformed(field + " must be a string");
        }
        return parser.getText();
    }

    /** The value's exact text: from where its first token starts to where its last one ends. */
    private static String raw(JsonParser parser, JsonToken value, ByteBuf utf8, int base) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        if (value.isStructStart()) {
            parser.skipChildren();
        } else {
            parser.finishToken();
        }
        long end = parser.currentLocation().getByteOffset();
        return utf8.toString(base + (int) start, (int) (end - start), StandardCharsets.UTF_8);
    }

    static String error(String msg) {
        return "{\"type\":\"ERROR\",\"payload\":{\"msg\":" + quote(msg) + "}}";
    }

    /**
     * Writes a relayed message, {@code {"type":..,"src":..,"dst":..,"payload":..}}, as UTF-8 straight into
     * {@code out}, with no string in between: its type and ids never need escaping (a {@link PeerId} is letters,
     * digits, spaces, - and _), and its payload is the sender's JSON as it came.
     */
    static void writeRelayed(PeerMessage message, ByteBuf out) {
        out.writeBytes(TYPE).writeCharSequence(message.type().name(), StandardCharsets.US_ASCII);
        out.writeBytes(SRC).writeCharSequence(message.src().value(), StandardCharsets.US_ASCII);
        out.writeBytes(DST).writeCharSequence(message.dst().value(), StandardCharsets.US_ASCII);
        if (message.payload().equals(NO_PAYLOAD)) {
            out.writeBytes(END);
        } else {
            out.writeBytes(PAYLOAD);
            ByteBufUtil.writeUtf8(out, message.payload());
            out.writeByte('}');
        }
    }

    /** How many bytes {@link #writeRelayed} may need, to size its buffer once. */
    static int maxRelayedBytes(PeerMessage message) {
        return 64 + 2 * PeerId.MAX_LENGTH + ByteBufUtil.utf8MaxBytes(message.payload());
    }

    /** Tells the sender that {@code dst} will not get its message. */
    static String expire(PeerId dst, PeerId sender) {
        return message("EXPIRE", dst, sender, NO_PAYLOAD);
    }

    private static String message(String type, PeerId src, PeerId dst, String payload) {
        StringBuilder frame = new StringBuilder(48 + payload.length()).append("{\"type\":").append(quote(type))
                .append(",\"src\":").append(quote(src.value())).append(",\"dst\":").append(quote(dst.value()));
        if (!payload.equals(NO_PAYLOAD)) {
            frame.append(",\"payload\":").append(payload);
        }
        return frame.append('}').toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String quote(String value) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }
}

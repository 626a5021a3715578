package dev.switchboard.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Writes an {@link Instant} as an RFC 3339 UTC string with exactly three fraction digits. The last text
 * written is kept with its millisecond: messages relayed together mostly carry the same one, and each then
 * costs no formatting.
 */
final class TimestampSerializer extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter RFC_3339_MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private transient volatile Formatted last = new Formatted(Long.MIN_VALUE, -1, null);

    TimestampSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(format(value));
    }

    /** The text of {@code value}, which depends only on its second and millisecond (further digits are cut). */
    String format(Instant value) {
        int millis = value.getNano() / 1_000_000;
        Formatted cached = last;
        if (cached != null && cached.second == value.getEpochSecond() && cached.millis == millis) {
            return cached.text;
        }
        String text = RFC_3339_MILLIS.format(value);
        last = new Formatted(value.getEpochSecond(), millis, text);
        return text;
    }

    /** One instant's text, by its epoch second and millisecond; immutable, so it is shared without a lock. */
    private record Formatted(long second, int millis, String text) {}
}

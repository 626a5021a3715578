package dev.switchboard.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** Writes an {@link Instant} as an RFC 3339 UTC string with exactly three fraction digits. */
final class TimestampSerializer extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter RFC_3339_MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    TimestampSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(RFC_3339_MILLIS.format(value));
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferId;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code nextCursor} of discovery on the wire: an {@link OfferCursor} as opaque base64url, exact to the
 * nanosecond so that no offer is skipped or repeated between pages.
 */
final class DiscoveryCursor {

    private DiscoveryCursor() {}

    static String encode(OfferCursor cursor) {
        String plain = cursor.createdAt().getEpochSecond() + "." + cursor.createdAt().getNano() + "."
                + cursor.offerId().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static OfferCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\.", -1);
            if (parts.length != 3) {
                throw notACursor();
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
            return new OfferCursor(createdAt, new OfferId(parts[2]));
        } catch (IllegalArgumentException | DateTimeException | SignalingException e) {
            throw notACursor();
        }
    }

    private static SignalingException notACursor() {
        return new SignalingException(ErrorCode.MALFORMED_REQUEST,
                "query parameter 'cursor' is not a cursor this server issued");
    }
}

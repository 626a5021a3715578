package dev.switchboard.adapter.postgres;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A wake-up as it travels in a NOTIFY payload: the publishing instance, then either {@code keys} and the
 * recipient key ids (URL-encoded, so none contains a space) or {@code all}. Payloads stay under
 * PostgreSQL's 8000-byte limit: many keys are split over several messages, and a key too long for one
 * becomes a wake-up of everyone, which is always safe. A payload this version cannot read wakes everyone
 * too, so that instances of different versions never miss each other's wake-ups.
 *
 * @param origin     the id of the publishing instance, so that it can skip its own messages
 * @param everyone   whether every subscriber is to be woken
 * @param recipients the keys whose subscribers are to be woken, when not everyone
 */
record WakeUpMessage(String origin, boolean everyone, List<String> recipients) {
    /** PostgreSQL rejects payloads of 8000 bytes or more. */
    static final int MAX_PAYLOAD_BYTES = 7999;

    private static final String KEYS = "keys";
    private static final String ALL = "all";

    WakeUpMessage {
        recipients = List.copyOf(recipients);
    }

    /** The payloads that wake {@code recipients}, each under the size limit; none for no recipients. */
    static List<String> payloads(String origin, Collection<String> recipients) {
        String header = origin + " " + KEYS;
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(header);
        for (String recipient : recipients) {
            String encoded = URLEncoder.encode(recipient, StandardCharsets.UTF_8);
            if (header.length() + 1 + encoded.length() > MAX_PAYLOAD_BYTES) {
                return List.of(origin + " " + ALL);
            }
            if (payload.length() + 1 + encoded.length() > MAX_PAYLOAD_BYTES) {
                payloads.add(payload.toString());
                payload = new StringBuilder(header);
            }
            payload.append(' ').append(encoded);
        }
        if (payload.length() > header.length()) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** Reads a payload; anything unreadable is a wake-up of everyone from an unknown origin. */
    static WakeUpMessage parse(String payload) {
        List<String> tokens = Arrays.asList(payload.split(" "));
        if (tokens.size() >= 2 && tokens.get(1).equals(KEYS)) {
            try {
                List<String> recipients = tokens.subList(2, tokens.size()).stream()
                        .map(token -> URLDecoder.decode(token, StandardCharsets.UTF_8))
                        .toList();
                return new WakeUpMessage(tokens.get(0), false, recipients);
            } catch (IllegalArgumentException malformedEncoding) {
                return new WakeUpMessage("", true, List.of());
            }
        }
        String origin = tokens.size() == 2 && tokens.get(1).equals(ALL) ? tokens.get(0) : "";
        return new WakeUpMessage(origin, true, List.of());
    }
}

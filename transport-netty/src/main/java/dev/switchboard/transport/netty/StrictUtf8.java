package dev.switchboard.transport.netty;

import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a text message as UTF-8 and refuses it if it is not UTF-8 (RFC 6455 asks the server to fail such a
 * connection with 1007), in one pass in the usual case: the fast lenient decode replaces every malformed sequence
 * with U+FFFD, so text without a U+FFFD was valid; only text that has one, which a client may also send on
 * purpose, is decoded again strictly. Cheaper than a separate validation pass over every byte.
 */
public final class StrictUtf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private StrictUtf8() {}

    /** The text, or empty when {@code bytes} are not UTF-8. */
    public static Optional<String> decode(ByteBuf bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return Optional.of(text);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(strict.decode(bytes.nioBuffer()).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

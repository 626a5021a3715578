package dev.switchboard.domain.peerjs;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.shared.SignedTokens;
import dev.switchboard.ports.model.PeerId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * PeerJS tokens, at most 119 URL-safe characters (the {@code peerjs} client puts its token in the WebSocket's
 * query unescaped, and a connection takes at most {@value ConnectPeerService#MAX_TOKEN_LENGTH}): a version byte
 * (1), the expiry in epoch seconds (8 bytes, big-endian) and the peer id's ASCII, then a 16-byte tag under the
 * purpose {@value #PURPOSE}. The id is one its holder's key id owns ({@link OwnedPeerIds}), so the token binds
 * that key id too.
 */
final class PeerTokens {
    static final String PURPOSE = "switchboard peerjs token v1";
    private static final byte VERSION = 1;
    private static final int HEADER_BYTES = 1 + Long.BYTES;

    private final SignedTokens tokens;

    PeerTokens(ServerSigningKey key) {
        this.tokens = new SignedTokens(key, PURPOSE);
    }

    String issue(PeerId id, Instant expiresAt) {
        byte[] ascii = id.value().getBytes(StandardCharsets.US_ASCII);
        return tokens.seal(ByteBuffer.allocate(HEADER_BYTES + ascii.length)
                .put(VERSION)
                .putLong(expiresAt.getEpochSecond())
                .put(ascii)
                .array());
    }

    /**
     * Refuses with {@code peer_token_invalid} unless {@code token} is genuine, for exactly {@code id}, and
     * unexpired at {@code now}. Only expiry is told apart for the client: it knows to fetch a new token.
     */
    void verify(String token, PeerId id, Instant now) {
        ByteBuffer body = tokens.open(token, PeerErrors::tokenInvalid);
        if (body.remaining() <= HEADER_BYTES || body.get() != VERSION) {
            throw PeerErrors.tokenInvalid("unknown version or length");
        }
        Instant expiresAt = Instant.ofEpochSecond(body.getLong());
        byte[] bound = new byte[body.remaining()];
        body.get(bound);
        if (!Arrays.equals(bound, id.value().getBytes(StandardCharsets.US_ASCII))) {
            throw PeerErrors.tokenInvalid("a token for id " + new String(bound, StandardCharsets.US_ASCII)
                    + " presented for " + id);
        }
        if (!now.isBefore(expiresAt)) {
            throw PeerErrors.tokenExpired(id, expiresAt);
        }
    }
}

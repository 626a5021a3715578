package dev.switchboard.domain.pairing;

import dev.switchboard.domain.ServerSigningKey;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.domain.shared.SignedTokens;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SessionId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;

/**
 * Invite tokens, 56 URL-safe characters that fit a small QR code: a version byte (1), the session id's 16
 * bytes, the capacity (1 byte), the expiry in epoch seconds (8 bytes, big-endian), then a 16-byte tag under
 * the purpose {@value #PURPOSE}. The expiry is the session's hard limit: the token stays good for as long
 * as activity could keep the session open, and the store decides whether it still is.
 */
final class InviteTokens {
    static final String PURPOSE = "switchboard invite v1";
    private static final byte VERSION = 1;
    private static final int BODY_BYTES = 1 + PairingIds.SESSION_ID_BYTES + 1 + Long.BYTES;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SignedTokens tokens;

    InviteTokens(ServerSigningKey key) {
        this.tokens = new SignedTokens(key, PURPOSE);
    }

    /** What a genuine invite token says. */
    record Claims(SessionId sessionId, int capacity, Instant expiresAt) {}

    String issue(PairingSession session) {
        byte[] id = Base64.getUrlDecoder().decode(session.id().value());
        if (id.length != PairingIds.SESSION_ID_BYTES) {
            throw new IllegalStateException("invite tokens carry only the 16-byte session ids this domain mints");
        }
        ByteBuffer body = ByteBuffer.allocate(BODY_BYTES)
                .put(VERSION)
                .put(id)
                .put((byte) session.capacity())
                .putLong(MillisecondClock.ceilToSeconds(session.hardExpiresAt()).getEpochSecond());
        return tokens.seal(body.array());
    }

    /**
     * The claims of a genuine token unexpired at {@code now}: {@code invite_invalid} when it is malformed or
     * forged, {@code session_expired} when its expiry has passed.
     */
    Claims verify(String token, Instant now) {
        ByteBuffer body = tokens.open(token, PairingErrors::inviteInvalid);
        if (body.remaining() != BODY_BYTES || body.get() != VERSION) {
            throw PairingErrors.inviteInvalid("unknown version or length");
        }
        byte[] id = new byte[PairingIds.SESSION_ID_BYTES];
        body.get(id);
        Claims claims = new Claims(new SessionId(BASE64URL.encodeToString(id)), Byte.toUnsignedInt(body.get()),
                Instant.ofEpochSecond(body.getLong()));
        if (!now.isBefore(claims.expiresAt())) {
            throw PairingErrors.expired(claims.sessionId());
        }
        return claims;
    }
}

package dev.switchboard.domain.pairing;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.SessionId;
import java.util.Base64;

/**
 * Mints session ids (128 random bits, 22 characters) and member ids (96 random bits, 16 characters) as
 * unpadded base64url, so neither can be guessed.
 */
final class PairingIds {
    /** Invite tokens carry the session id as these raw bytes. */
    static final int SESSION_ID_BYTES = 16;
    private static final int MEMBER_ID_BYTES = 12;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Entropy entropy;

    PairingIds(Entropy entropy) {
        this.entropy = entropy;
    }

    SessionId nextSession() {
        return new SessionId(BASE64URL.encodeToString(entropy.nextBytes(SESSION_ID_BYTES)));
    }

    MemberId nextMember() {
        return new MemberId(BASE64URL.encodeToString(entropy.nextBytes(MEMBER_ID_BYTES)));
    }
}

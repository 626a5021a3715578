package dev.switchboard.domain.peerjs;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.model.PeerId;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints connection ids (128 random bits as 22 characters of unpadded base64url, so no socket can guess
 * another's) and peer ids (random UUID v4s, as the {@code peer} server's {@code crypto.randomUUID()}).
 */
final class PeerIds {
    private static final int RANDOM_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Entropy entropy;

    PeerIds(Entropy entropy) {
        this.entropy = entropy;
    }

    String nextConnection() {
        return BASE64URL.encodeToString(entropy.nextBytes(RANDOM_BYTES));
    }

    PeerId nextPeer() {
        byte[] bytes = entropy.nextBytes(RANDOM_BYTES);
        bytes[6] = (byte) (bytes[6] & 0x0f | 0x40); // version 4
        bytes[8] = (byte) (bytes[8] & 0x3f | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new PeerId(new UUID(buffer.getLong(), buffer.getLong()).toString());
    }
}

package dev.switchboard.domain.transfers;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.model.TransferId;
import java.util.Base64;

/** Mints transfer ids: 128 random bits as 22 characters of unpadded base64url, so none can be guessed. */
final class TransferIds {
    private static final int ID_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Entropy entropy;

    TransferIds(Entropy entropy) {
        this.entropy = entropy;
    }

    TransferId next() {
        return new TransferId(BASE64URL.encodeToString(entropy.nextBytes(ID_BYTES)));
    }
}

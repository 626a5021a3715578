package dev.switchboard.domain.offers;

import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.model.OfferId;
import java.util.Base64;

/** Mints offer ids: 128 random bits as 22 characters of unpadded base64url, so ids cannot be guessed. */
final class OfferIds {
    private static final int ID_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Entropy entropy;

    OfferIds(Entropy entropy) {
        this.entropy = entropy;
    }

    OfferId next() {
        return new OfferId(BASE64URL.encodeToString(entropy.nextBytes(ID_BYTES)));
    }
}

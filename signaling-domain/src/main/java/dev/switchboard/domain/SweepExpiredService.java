package dev.switchboard.domain;

import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.SweepExpired;
import java.time.Instant;
import java.time.InstantSource;

/** Deletes the offers and nonces whose time has passed, all judged against one reading of the clock. */
final class SweepExpiredService implements SweepExpired {
    private final OfferStore offers;
    private final NonceStore nonces;
    private final InstantSource clock;

    SweepExpiredService(OfferStore offers, NonceStore nonces, InstantSource clock) {
        this.offers = offers;
        this.nonces = nonces;
        this.clock = clock;
    }

    @Override
    public Swept sweep() {
        Instant now = clock.instant();
        return new Swept(offers.deleteExpired(now), nonces.forgetExpired(now));
    }
}

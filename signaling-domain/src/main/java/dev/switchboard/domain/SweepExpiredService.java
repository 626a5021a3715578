package dev.switchboard.domain;

import dev.switchboard.domain.pairing.PresenceSweep;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driving.SweepExpired;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Deletes the records whose time has passed and times out silent session members, all judged against one
 * reading of the clock. Silent members go first, so that the sessions they empty are closed and told before
 * expired sessions are deleted.
 */
final class SweepExpiredService implements SweepExpired {
    private final OfferStore offers;
    private final NonceStore nonces;
    private final SessionStore sessions;
    private final CounterStore counters;
    private final PresenceSweep presence;
    private final InstantSource clock;

    SweepExpiredService(OfferStore offers, NonceStore nonces, SessionStore sessions, CounterStore counters,
            PresenceSweep presence, InstantSource clock) {
        this.offers = offers;
        this.nonces = nonces;
        this.sessions = sessions;
        this.counters = counters;
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    public Swept sweep() {
        Instant now = clock.instant();
        int timedOut = presence.removeSilentMembers(now);
        return new Swept(offers.deleteExpired(now), nonces.forgetExpired(now), sessions.deleteExpired(now),
                timedOut, counters.deleteExpired(now));
    }
}

package dev.switchboard.domain;

import dev.switchboard.domain.audit.AuditTrail;
import dev.switchboard.domain.pairing.PresenceSweep;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driving.SweepExpired;
import dev.switchboard.ports.model.Transfer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Deletes the records whose time has passed and times out silent session members, all judged against one
 * reading of the clock. Silent members go first, so that the sessions they empty are closed and told before
 * expired sessions are deleted. Transfers that expired unfinished lose their chunks in batches (each told to
 * the audit trail as {@code transfer.expired}) and are forgotten once their retention has passed too. Full
 * rate-limit buckets and credentials past their lifetime are deleted as well. Every delete is idempotent, so
 * several instances may sweep one store at once.
 */
final class SweepExpiredService implements SweepExpired {
    static final int TRANSFER_BATCH = 500;
    /** Bounds one sweep's work; what is left waits for the next sweep. */
    static final int MAX_TRANSFER_BATCHES = 200;

    private final OfferStore offers;
    private final NonceStore nonces;
    private final SessionStore sessions;
    private final CounterStore counters;
    private final TransferStore transfers;
    private final DeviceStore devices;
    private final RateLimitStore rateLimits;
    private final CredentialStore credentials;
    private final PresenceSweep presence;
    private final Duration transferRetention;
    private final AuditTrail trail;
    private final InstantSource clock;

    SweepExpiredService(OfferStore offers, NonceStore nonces, SessionStore sessions, CounterStore counters,
            TransferStore transfers, DeviceStore devices, RateLimitStore rateLimits, CredentialStore credentials,
            PresenceSweep presence, Duration transferRetention, AuditTrail trail, InstantSource clock) {
        this.offers = offers;
        this.nonces = nonces;
        this.sessions = sessions;
        this.counters = counters;
        this.transfers = transfers;
        this.devices = devices;
        this.rateLimits = rateLimits;
        this.credentials = credentials;
        this.presence = presence;
        this.transferRetention = transferRetention;
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public Swept sweep() {
        Instant now = clock.instant();
        int timedOut = presence.removeSilentMembers(now);
        int expiredTransfers = purgeExpiredTransfers(now);
        return new Swept(offers.deleteExpired(now), nonces.forgetExpired(now), sessions.deleteExpired(now),
                timedOut, counters.deleteExpired(now), expiredTransfers, transfers.forget(now.minus(transferRetention)),
                devices.deleteExpired(now), rateLimits.deleteFull(now), credentials.deleteExpired(now));
    }

    private int purgeExpiredTransfers(Instant now) {
        int purged = 0;
        for (int batch = 0; batch < MAX_TRANSFER_BATCHES; batch++) {
            List<Transfer> expired = transfers.purgeExpired(now, TRANSFER_BATCH);
            for (Transfer transfer : expired) {
                if (!transfer.isComplete()) {
                    trail.transferExpired(transfer);
                }
            }
            purged += expired.size();
            if (expired.size() < TRANSFER_BATCH) {
                break;
            }
        }
        return purged;
    }
}

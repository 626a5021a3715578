package dev.switchboard.domain;

import dev.switchboard.domain.audit.AuditTrail;
import dev.switchboard.domain.pairing.PresenceSweep;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.driving.ExpirePeerMessages;
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
 * rate-limit buckets and credentials past their lifetime are deleted as well. PeerJS messages nobody came for
 * are expired (their senders told), and PeerJS connections silent well past the alive timeout are forgotten.
 * Every delete is idempotent, so several instances may sweep one store at once.
 */
final class SweepExpiredService implements SweepExpired {
    static final int TRANSFER_BATCH = 500;
    /** Bounds one sweep's work; what is left waits for the next sweep. */
    static final int MAX_TRANSFER_BATCHES = 200;
    /**
     * How long past the alive timeout a silent PeerJS connection is kept: until then it is only treated as
     * absent, so an instance whose clock runs a little behind can still mark its socket seen.
     */
    static final Duration STALE_PEER_MARGIN = Duration.ofMinutes(1);

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
    private final ExpirePeerMessages peerMessages;
    private final PeerStore peers;
    private final Duration peerAliveTimeout;
    private final AuditTrail trail;
    private final InstantSource clock;

    SweepExpiredService(OfferStore offers, NonceStore nonces, SessionStore sessions, CounterStore counters,
            TransferStore transfers, DeviceStore devices, RateLimitStore rateLimits, CredentialStore credentials,
            PresenceSweep presence, Duration transferRetention, ExpirePeerMessages peerMessages, PeerStore peers,
            Duration peerAliveTimeout, AuditTrail trail, InstantSource clock) {
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
        this.peerMessages = peerMessages;
        this.peers = peers;
        this.peerAliveTimeout = peerAliveTimeout;
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public Swept sweep() {
        Instant now = clock.instant();
        int timedOut = presence.removeSilentMembers(now);
        int expiredTransfers = purgeExpiredTransfers(now);
        int expiredPeerMessages = peerMessages.expire();
        return new Swept(offers.deleteExpired(now), nonces.forgetExpired(now), sessions.deleteExpired(now),
                timedOut, counters.deleteExpired(now), expiredTransfers, transfers.forget(now.minus(transferRetention)),
                devices.deleteExpired(now), rateLimits.deleteFull(now), credentials.deleteExpired(now),
                expiredPeerMessages, peers.deleteStale(now.minus(peerAliveTimeout).minus(STALE_PEER_MARGIN)));
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

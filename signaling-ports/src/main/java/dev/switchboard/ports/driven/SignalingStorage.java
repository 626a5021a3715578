package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.StoreHealth;

/** One storage technology's set of driven ports, so the composition root can choose a store as a whole. */
public interface SignalingStorage {

    CredentialStore credentials();

    NonceStore nonces();

    OfferStore offers();

    SessionStore sessions();

    CounterStore counters();

    EventPublisher events();

    TransferStore transfers();

    DeviceStore devices();

    AuditLog auditLog();

    RateLimitStore rateLimits();

    StoreStatistics statistics();

    PeerStore peers();

    /** The kind of store and whether it answers right now. */
    StoreHealth health();
}

package dev.switchboard.domain;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driven.CounterStore;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driven.PeerStore;
import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driven.SessionStore;
import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driven.StoreStatistics;
import dev.switchboard.ports.driven.TransferStore;
import dev.switchboard.ports.model.StoreHealth;

/** Real stores, any of which a test may replace by overriding its accessor, to watch or alter one interaction. */
public class ForwardingStorage implements SignalingStorage {
    private final SignalingStorage stores;

    public ForwardingStorage(SignalingStorage stores) {
        this.stores = stores;
    }

    @Override
    public CredentialStore credentials() {
        return stores.credentials();
    }

    @Override
    public NonceStore nonces() {
        return stores.nonces();
    }

    @Override
    public OfferStore offers() {
        return stores.offers();
    }

    @Override
    public SessionStore sessions() {
        return stores.sessions();
    }

    @Override
    public CounterStore counters() {
        return stores.counters();
    }

    @Override
    public EventPublisher events() {
        return stores.events();
    }

    @Override
    public TransferStore transfers() {
        return stores.transfers();
    }

    @Override
    public DeviceStore devices() {
        return stores.devices();
    }

    @Override
    public AuditLog auditLog() {
        return stores.auditLog();
    }

    @Override
    public RateLimitStore rateLimits() {
        return stores.rateLimits();
    }

    @Override
    public StoreStatistics statistics() {
        return stores.statistics();
    }

    @Override
    public PeerStore peers() {
        return stores.peers();
    }

    @Override
    public StoreHealth health() {
        return stores.health();
    }
}

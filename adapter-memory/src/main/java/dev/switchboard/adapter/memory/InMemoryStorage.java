package dev.switchboard.adapter.memory;

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

/**
 * Every driven store in this JVM's memory: for embedding, development and single-node deployments.
 * Thread-safe; nothing survives a restart, and each instance is a separate, empty world.
 */
public final class InMemoryStorage implements SignalingStorage {
    /** The kind this storage reports in its health. */
    public static final String KIND = "memory";

    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final InMemoryNonceStore nonces = new InMemoryNonceStore();
    private final InMemoryOfferStore offers = new InMemoryOfferStore();
    private final InMemoryEventPublisher events = new InMemoryEventPublisher();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final InMemoryCounterStore counters = new InMemoryCounterStore();
    private final InMemoryTransferStore transfers = new InMemoryTransferStore();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryRateLimitStore rateLimits = new InMemoryRateLimitStore();
    private final InMemoryPeerStore peers = new InMemoryPeerStore();
    private final InMemoryStoreStatistics statistics =
            new InMemoryStoreStatistics(offers, sessions, transfers, devices, credentials);

    public InMemoryStorage() {
        // Everything starts empty; there is nothing to configure.
    }

    @Override
    public CredentialStore credentials() {
        return credentials;
    }

    @Override
    public NonceStore nonces() {
        return nonces;
    }

    @Override
    public OfferStore offers() {
        return offers;
    }

    @Override
    public EventPublisher events() {
        return events;
    }

    /** Pairing sessions with their members and mailboxes. */
    @Override
    public SessionStore sessions() {
        return sessions;
    }

    /** Expiring counters for guessing budgets and rate limits. */
    @Override
    public CounterStore counters() {
        return counters;
    }

    /** Relay transfers with their chunks. */
    @Override
    public TransferStore transfers() {
        return transfers;
    }

    /** The Enterprise device registry. */
    @Override
    public DeviceStore devices() {
        return devices;
    }

    /** The Enterprise audit log; it grows with every recorded event for the life of the process. */
    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Token buckets; they are shared only by the users of this instance, so one process enforces one budget. */
    @Override
    public RateLimitStore rateLimits() {
        return rateLimits;
    }

    /** Counts of what these stores hold, computed on each read. */
    @Override
    public StoreStatistics statistics() {
        return statistics;
    }

    /** The PeerJS directory and message queues; peers reach each other only through the same instance. */
    @Override
    public PeerStore peers() {
        return peers;
    }

    /** Memory always answers. */
    @Override
    public StoreHealth health() {
        return new StoreHealth(KIND, true);
    }
}

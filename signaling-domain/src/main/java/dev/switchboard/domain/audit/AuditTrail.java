package dev.switchboard.domain.audit;

import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.Feature;
import dev.switchboard.ports.model.Transfer;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the domain tells what happened: appends an event to the audit log, chained by {@link ChainHash},
 * when the edition keeps an audit log, and does nothing otherwise (a Consumer server keeps nothing about
 * who did what). An append that fails surfaces as the caller's failure rather than leaving a silent gap.
 */
public final class AuditTrail {
    /** The actor of events no caller caused, such as expiries found by the sweep. */
    public static final String SYSTEM = "system";
    /** The actor of events whose caller is not known, such as a failed authentication. */
    public static final String ANONYMOUS = "anonymous";

    private final AuditLog log;
    private final InstantSource clock;
    private final boolean enabled;
    private final ChainHash chain = new ChainHash();

    public AuditTrail(AuditLog log, InstantSource clock, Edition edition) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = new MillisecondClock(Objects.requireNonNull(clock, "clock"));
        this.enabled = Objects.requireNonNull(edition, "edition").has(Feature.AUDIT_LOG);
    }

    /** Whether events are kept at all. */
    public boolean enabled() {
        return enabled;
    }

    public void record(AuditEventType type, String actor, Optional<String> subject, Optional<String> clientAddress,
            Map<String, String> attributes) {
        if (enabled) {
            log.append(new AuditEvent(type, clock.instant(), actor, subject, clientAddress, attributes), chain);
        }
    }

    /** {@code transfer.completed}, by the receiver whose acknowledgement completed it. */
    public void transferCompleted(Transfer transfer) {
        record(AuditEventType.TRANSFER_COMPLETED, transfer.receiverKeyId().orElse(SYSTEM),
                Optional.of(transfer.id().value()), Optional.empty(),
                Map.of("chunks", Integer.toString(transfer.chunkCount())));
    }

    /** {@code transfer.expired}, found by the sweep. */
    public void transferExpired(Transfer transfer) {
        record(AuditEventType.TRANSFER_EXPIRED, SYSTEM, Optional.of(transfer.id().value()), Optional.empty(),
                Map.of("uploadedChunks", Integer.toString(transfer.uploadedChunks()),
                        "acknowledgedChunks", Integer.toString(transfer.acknowledgedChunks()),
                        "chunks", Integer.toString(transfer.chunkCount())));
    }
}

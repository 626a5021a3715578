package dev.switchboard.domain.audit;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditQuery;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The real audit log, with one stored entry altered on every read, as someone with write access to the
 * store might have altered it: the adapter is real, only the tampering is simulated.
 */
final class TamperedAuditLog implements AuditLog {
    private final AuditLog log;
    private final long sequence;
    private final UnaryOperator<AuditEntry> tampering;

    TamperedAuditLog(AuditLog log, long sequence, UnaryOperator<AuditEntry> tampering) {
        this.log = log;
        this.sequence = sequence;
        this.tampering = tampering;
    }

    /** The entry's actor replaced, its hash left as stored. */
    static UnaryOperator<AuditEntry> actorChangedTo(String actor) {
        return entry -> {
            AuditEvent e = entry.event();
            return new AuditEntry(entry.sequence(), new AuditEvent(e.type(), e.occurredAt(), actor, e.subject(),
                    e.clientAddress(), e.attributes()), entry.previousHash(), entry.hash());
        };
    }

    /** The entry removed from every read. */
    static UnaryOperator<AuditEntry> deleted() {
        return entry -> null;
    }

    @Override
    public AuditEntry append(AuditEvent event, ChainLink link) {
        return log.append(event, link);
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return tampered(log.find(query));
    }

    @Override
    public List<AuditEntry> readAfter(long afterSequence, int limit) {
        return tampered(log.readAfter(afterSequence, limit));
    }

    private List<AuditEntry> tampered(List<AuditEntry> entries) {
        return entries.stream().map(entry -> entry.sequence() == sequence ? tampering.apply(entry) : entry)
                .filter(Objects::nonNull).toList();
    }
}

package dev.switchboard.domain.audit;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditEntry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Walks the whole audit log in sequence order, a page at a time, and stops at the first entry whose link
 * does not hold: its sequence must follow the one before (from 1), its {@code previousHash} must be the hash
 * of the entry before ({@link AuditLog#GENESIS} for the first), and its hash must be {@link ChainHash} of
 * its own contents.
 */
final class VerifyAuditLogService implements VerifyAuditLog {
    static final int PAGE_SIZE = 1000;

    private final AuditLog log;
    private final ChainHash chain = new ChainHash();

    VerifyAuditLogService(AuditLog log) {
        this.log = log;
    }

    @Override
    public Verification verify(Actor.Admin admin) {
        long checked = 0;
        long previousSequence = 0;
        String previousHash = AuditLog.GENESIS;
        List<AuditEntry> page;
        do {
            page = log.readAfter(previousSequence, PAGE_SIZE);
            for (AuditEntry entry : page) {
                checked++;
                Optional<String> problem = problemOf(entry, previousSequence, previousHash);
                if (problem.isPresent()) {
                    return new Verification(checked, OptionalLong.of(entry.sequence()), problem);
                }
                previousSequence = entry.sequence();
                previousHash = entry.hash();
            }
        } while (page.size() == PAGE_SIZE);
        return new Verification(checked, OptionalLong.empty(), Optional.empty());
    }

    private Optional<String> problemOf(AuditEntry entry, long previousSequence, String previousHash) {
        if (entry.sequence() != previousSequence + 1) {
            return Optional.of("expected sequence " + (previousSequence + 1) + " but found " + entry.sequence()
                    + "; entries are missing or out of order");
        }
        if (!entry.previousHash().equals(previousHash)) {
            return Optional.of(previousSequence == 0
                    ? "the first entry's previousHash is not the genesis value"
                    : "previousHash does not match the hash of entry " + previousSequence);
        }
        if (!chain.holds(entry)) {
            return Optional.of("the hash does not match the entry's contents; the entry was altered");
        }
        return Optional.empty();
    }
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Actor;
import java.util.OptionalLong;

/** Walks the whole audit log's hash chain and reports the first broken link (Enterprise, admins only). */
public interface VerifyAuditLog {

    Verification verify(Actor.Admin admin);

    /**
     * @param entriesChecked      entries read, up to and including the first broken one
     * @param firstBrokenSequence the sequence of the first entry whose link does not hold; empty when intact
     * @param problem             what is wrong with it, empty when intact
     */
    record Verification(long entriesChecked, OptionalLong firstBrokenSequence, java.util.Optional<String> problem) {
        public boolean intact() {
            return firstBrokenSequence.isEmpty();
        }
    }
}

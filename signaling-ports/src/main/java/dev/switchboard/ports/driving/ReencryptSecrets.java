package dev.switchboard.ports.driving;

import java.util.Objects;
import java.util.Optional;

/**
 * Re-encrypts stored secrets sealed under a retired master key to the current one, a batch at a time.
 * Resumable and safe beside a running server: each secret is replaced only if it is still what was read,
 * and a run that stops half way leaves the rest for the next run (which starts from the beginning: only
 * secrets not under the current key are read).
 */
public interface ReencryptSecrets {

    /** Re-encrypts up to {@code batchSize} secrets not sealed under the current key, after the cursor. */
    Progress reencryptBatch(Optional<String> afterCredentialId, int batchSize);

    /**
     * @param resealed  secrets now sealed under the current key
     * @param skipped   secrets changed by someone else meanwhile (left for the next run)
     * @param failed    secrets whose master key is not configured, so they cannot be opened
     * @param nextAfter the cursor for the next batch; empty when this batch was the last
     */
    record Progress(int resealed, int skipped, int failed, Optional<String> nextAfter) {
        public Progress {
            Objects.requireNonNull(nextAfter, "nextAfter");
        }
    }
}

package dev.switchboard.app;

import dev.switchboard.ports.driving.ReencryptSecrets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code rotate-keys} loop over {@link ReencryptSecrets}: walks the credentials once with the port's cursor
 * (secrets that cannot be opened stay behind it, so the walk ends), then walks again while someone else changed
 * secrets meanwhile (each replacement is a compare-and-set, so those were skipped), at most
 * {@value #MAX_PASSES} times. Resumable: a run that stops half way is simply run again.
 */
final class KeyRotation {
    /** Secrets re-encrypted per batch: small transactions beside a serving database. */
    static final int BATCH_SIZE = 100;
    /** Passes made at most while others keep changing secrets. */
    static final int MAX_PASSES = 5;

    private KeyRotation() {}

    static Outcome run(ReencryptSecrets reencrypt, Consumer<ReencryptSecrets.Progress> onBatch) {
        Outcome total = new Outcome(0, 0, 0, 0);
        Outcome pass;
        do {
            pass = onePass(reencrypt, onBatch);
            total = new Outcome(total.resealed() + pass.resealed(), pass.skipped(), pass.failed(),
                    total.passes() + 1);
        } while (pass.skipped() > 0 && total.passes() < MAX_PASSES);
        return total;
    }

    private static Outcome onePass(ReencryptSecrets reencrypt, Consumer<ReencryptSecrets.Progress> onBatch) {
        int resealed = 0;
        int skipped = 0;
        int failed = 0;
        Optional<String> cursor = Optional.empty();
        do {
            ReencryptSecrets.Progress batch = reencrypt.reencryptBatch(cursor, BATCH_SIZE);
            onBatch.accept(batch);
            resealed += batch.resealed();
            skipped += batch.skipped();
            failed += batch.failed();
            cursor = batch.nextAfter();
        } while (cursor.isPresent());
        return new Outcome(resealed, skipped, failed, 1);
    }

    /**
     * What a rotation did: secrets resealed over all passes; of the last pass, those skipped (changed by someone
     * else meanwhile) and those that could not be opened (sealed under a key that is not configured).
     */
    record Outcome(int resealed, int skipped, int failed, int passes) {
        /** Whether every secret is now sealed under the current key. */
        boolean complete() {
            return skipped == 0 && failed == 0;
        }
    }
}

package dev.switchboard.app;

import java.time.Duration;
import java.util.Objects;

/**
 * Which store holds offers, credentials and nonces, and how often expired records are swept from it.
 *
 * @param kind          the storage technology
 * @param sweepInterval the pause between two sweeps of expired records
 */
public record StoreConfig(StoreKind kind, Duration sweepInterval) {
    public StoreConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("sweepInterval must be positive");
        }
    }

    static StoreConfig read(SettingsReader settings) {
        String name = settings.string("SWITCHBOARD_STORE", StoreKind.MEMORY.configName());
        StoreKind kind = StoreKind.byConfigName(name).orElseGet(() -> {
            settings.problem("SWITCHBOARD_STORE",
                    "must be one of [" + StoreKind.allowedNames() + "], was \"" + name + "\"");
            return StoreKind.MEMORY;
        });
        return new StoreConfig(kind, settings.seconds("SWITCHBOARD_SWEEP_INTERVAL_SECONDS", 30, 1, 3600));
    }
}

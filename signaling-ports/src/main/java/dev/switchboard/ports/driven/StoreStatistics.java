package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.Statistics;
import java.time.Instant;

/** Counts of what a store holds, for metrics: cheap enough to be read every few seconds. */
public interface StoreStatistics {

    /** What the store holds at {@code now}: live records only. */
    Statistics snapshot(Instant now);
}

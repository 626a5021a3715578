package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Statistics;

/** What the store holds right now, for metrics. */
public interface ReportStatistics {
    Statistics report();
}

package dev.switchboard.domain;

import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.ReportStatistics;
import dev.switchboard.ports.model.Statistics;
import java.time.InstantSource;

/** Reports what the store holds now, for the gauges of the metrics endpoint. */
final class ReportStatisticsService implements ReportStatistics {
    private final SignalingStorage storage;
    private final InstantSource clock;

    ReportStatisticsService(SignalingStorage storage, InstantSource clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public Statistics report() {
        return storage.statistics().snapshot(clock.instant());
    }
}

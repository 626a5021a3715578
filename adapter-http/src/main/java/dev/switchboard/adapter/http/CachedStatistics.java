package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.ReportStatistics;
import dev.switchboard.ports.model.Statistics;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's statistics, read again only when the last reading is older than its time to live, so that
 * a scrape asking for eight gauges, or many scrapes, cost one store query. When reading fails, the gauges
 * go blank (NaN) until the next reading succeeds.
 */
final class CachedStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(CachedStatistics.class);

    private final ReportStatistics reportStatistics;
    private final long ttlNanos;
    private Optional<Statistics> last = Optional.empty();
    private long readAt;
    private boolean read;

    CachedStatistics(ReportStatistics reportStatistics, Duration ttl) {
        this.reportStatistics = reportStatistics;
        this.ttlNanos = ttl.toNanos();
    }

    synchronized Optional<Statistics> get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= ttlNanos) {
            read = true;
            readAt = now;
            try {
                last = Optional.of(reportStatistics.report());
            } catch (RuntimeException e) {
                LOG.warn("cannot read the store's statistics for metrics", e);
                last = Optional.empty();
            }
        }
        return last;
    }
}

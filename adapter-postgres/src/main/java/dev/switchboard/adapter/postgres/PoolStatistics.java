package dev.switchboard.adapter.postgres;

/**
 * The connection pool at one instant, for gauges: connections in use and idle, threads waiting for one, and
 * the most the pool opens. All zero but {@code max} once the storage is closed.
 *
 * @param active         connections lent out to stores right now
 * @param idle           open connections waiting in the pool
 * @param pendingThreads threads waiting for a connection (above zero for long: the pool is too small)
 * @param max            the pool's maximum size
 */
public record PoolStatistics(int active, int idle, int pendingThreads, int max) {}

/**
 * The composition root. {@link dev.switchboard.app.Main} runs the server from the environment ({@code serve}),
 * only migrates the PostgreSQL schema ({@code migrate}), checks the Enterprise audit log's hash chain
 * ({@code verify-audit}), or re-encrypts stored secrets to the current master key ({@code rotate-keys},
 * {@code KeyRotation}); {@link dev.switchboard.app.SwitchboardConfig} reads and checks the configuration,
 * {@link dev.switchboard.app.StoreConfig}, {@link dev.switchboard.app.DatabaseConfig},
 * {@link dev.switchboard.app.TransferConfig}, {@link dev.switchboard.app.EditionConfig} (with the Enterprise
 * start-up rules), {@link dev.switchboard.app.EdgeConfig}, {@link dev.switchboard.app.RateLimitConfig},
 * {@link dev.switchboard.app.MetricsConfig} and {@link dev.switchboard.app.PeerJsConfig} (the PeerJS endpoint) among
 * it; {@code PrometheusMetrics} owns the meter registry, and {@code TimedStorage} (store latency),
 * {@code PoolMeters}, {@code ExpirySweeper} and {@code PeerMessageExpirer} record into it, so that the domain stays
 * metric-free; {@link dev.switchboard.app.Switchboard} wires the modules with Guice, choosing
 * {@code InMemoryStoreModule} or {@code PostgresStoreModule} by the configured store, and starts and stops
 * everything in order. Guice lives only here: the modules bind, and nothing in them opens a connection or a
 * socket or starts a thread.
 */
package dev.switchboard.app;

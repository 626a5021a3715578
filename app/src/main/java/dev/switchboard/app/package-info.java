/**
 * The composition root. {@link dev.switchboard.app.Main} runs the server from the environment ({@code serve}), or
 * only migrates the PostgreSQL schema ({@code migrate}); {@link dev.switchboard.app.SwitchboardConfig} reads and
 * checks the configuration, {@link dev.switchboard.app.StoreConfig} and {@link dev.switchboard.app.DatabaseConfig}
 * among it; {@link dev.switchboard.app.Switchboard} wires the modules with Guice, choosing
 * {@code InMemoryStoreModule} or {@code PostgresStoreModule} by the configured store, and starts and stops
 * everything in order. Guice lives only here: the modules bind, and nothing in them opens a connection or a
 * socket or starts a thread.
 */
package dev.switchboard.app;

/**
 * Durable storage on PostgreSQL, shared safely by any number of instances: every driven store over jOOQ,
 * a HikariCP pool and Flyway migrations. {@link dev.switchboard.adapter.postgres.PostgresStorage} is the one
 * public entry, configured by {@link dev.switchboard.adapter.postgres.PostgresSettings}; behind it
 * {@code PostgresOfferStore} lets the database decide the races (a conditional UPDATE for the answer, the
 * offer's row lock for the candidate limit) and takes event sequences from {@code EventSequence}, whose
 * advisory lock makes them commit in order; {@code EventFeed} and {@code Discovery} are its two read
 * queries. {@code PostgresSessionStore} keeps pairing sessions ({@code SessionRows}), deciding capacity and
 * membership under the session's row lock and invite codes by a unique column, and their mailboxes
 * ({@code Mailboxes}, {@code MessageRows}), whose per-recipient advisory locks keep the mailbox bound and
 * the visibility of sequences; {@code Presence} answers touch and silence. {@code PostgresCounterStore},
 * {@code PostgresNonceStore} and {@code PostgresCredentialStore} complete the signaling stores.
 * {@code PostgresTransferStore} keeps relay transfers and their chunks ({@code TransferRows}): creation under
 * an {@code AdvisoryLock} that decides invite codes and the byte budget, a conditional UPDATE for the claim,
 * and the transfer's row lock for every chunk change; {@code PostgresDeviceStore} ({@code DeviceRows})
 * compares versions; {@code PostgresAuditLog} ({@code AuditRows}) appends under one advisory lock.
 * {@code PostgresPeerStore} keeps the PeerJS directory and queues: claims under a realm's advisory lock
 * ({@code PeerLocks}) and the id's row lock, queues ({@code PeerQueues}, {@code PeerRows}) under per-recipient
 * locks with one row counting the total. {@code PostgresRateLimitStore} keeps GCRA token buckets, one upsert per take; {@code PostgresStoreStatistics}
 * counts live records in one statement; {@code SchemaCheck} tells health whether migrations are pending, and
 * {@link dev.switchboard.adapter.postgres.PoolStatistics} reports the pool's use.
 * {@code ExpirySweep} deletes what expired in batches, and {@code PostgresEventPublisher} wakes subscribers on every instance
 * through LISTEN/NOTIFY ({@code NotificationListener}). The jOOQ classes in
 * {@code dev.switchboard.adapter.postgres.schema} are generated at build time from the Flyway scripts in
 * {@code db/migration}; see docs/postgres.md.
 */
package dev.switchboard.adapter.postgres;

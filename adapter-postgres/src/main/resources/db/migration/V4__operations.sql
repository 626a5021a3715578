-- Production operations: rate-limit buckets shared by every instance, credential lifetimes for the sweep and
-- key rotation, and the indexes behind the statistics that metrics read every few seconds.
-- The same rules as V1 hold for jOOQ's generator: varchar for indexed columns, every constraint named, and
-- what H2 cannot parse between jooq ignore markers. See docs/postgres.md.

-- One token bucket per key, kept as GCRA keeps it: its theoretical arrival time (TAT) only; no row is a full
-- bucket. A take is one INSERT ... ON CONFLICT (bucket_key) DO UPDATE ... WHERE <within the burst>: the
-- upsert's row lock orders concurrent takes on any instance, and each re-evaluates the condition against the
-- committed TAT, so no two spend the same token. Keys compare byte-wise ("C"), whatever the locale.
CREATE TABLE rate_limit_buckets (
    bucket_key varchar(512) COLLATE "C" NOT NULL,
    tat        timestamptz  NOT NULL,
    CONSTRAINT rate_limit_buckets_pk PRIMARY KEY (bucket_key)
);

-- The sweep forgets buckets whose TAT has passed (they are full again).
CREATE INDEX rate_limit_buckets_tat_idx ON rate_limit_buckets (tat);

-- Buckets are written on every limited request and are worth nothing after a crash (every bucket is then
-- full, which only forgives what was spent): no WAL for them. A standby promoted after a failover starts
-- with full buckets too. H2 cannot parse it; Flyway runs it.
-- [jooq ignore start]
ALTER TABLE rate_limit_buckets SET UNLOGGED;
-- [jooq ignore stop]

-- When a credential stops being accepted; NULL for credentials issued without a lifetime (all those issued
-- before this version), which keep working.
ALTER TABLE credentials ADD COLUMN expires_at timestamptz NULL;

-- The sweep of credentials past their lifetime, and counting the live ones (NULLs are indexed too).
CREATE INDEX credentials_expires_at_idx ON credentials (expires_at);

-- Key rotation pages through the credentials by id, in Java's string order whatever the database's locale.
-- Changing the collation rebuilds the primary key's index (the rows are not rewritten). H2 needs no part of it.
-- [jooq ignore start]
ALTER TABLE credentials ALTER COLUMN id TYPE varchar(128) COLLATE "C";
-- [jooq ignore stop]

-- Statistics: open sessions, index-only (closed sessions wait for the sweep and are not counted).
CREATE INDEX pairing_sessions_open_idx ON pairing_sessions (expires_at) WHERE closed_at IS NULL;

-- Statistics: chunk bytes held (uploaded, not yet acknowledged), summed from the index alone.
CREATE INDEX transfer_chunks_held_idx ON transfer_chunks (size) WHERE acknowledged_at IS NULL;

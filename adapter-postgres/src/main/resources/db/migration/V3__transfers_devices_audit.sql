-- Relay transfers with their chunks, the Enterprise device registry, and the tamper-evident audit log.
-- The same rules as V1 hold for jOOQ's generator: varchar for indexed columns, every constraint named.
-- See docs/postgres.md for the races each table's constraints and locks decide.

-- A relay transfer, with its progress counters on the same row: every change to the transfer's chunks
-- locks this row first and updates the counters in the same transaction, so the counters always agree with
-- the chunk rows and the byte check (uploaded_bytes + size <= reserved_bytes) cannot be raced past.
-- The unique code decides invite codes: a code stays taken by its transfer, in any state, until the transfer
-- is forgotten (deleted). create() checks the code and the server's byte budget under an advisory lock, so
-- the constraint only backs that check up.
CREATE TABLE transfers (
    id                  varchar(64)  COLLATE "C" NOT NULL,
    code                varchar(8)   NOT NULL,
    sender_key_id       varchar(128) NOT NULL,
    sender_address      varchar(128) NOT NULL,
    chunk_count         integer      NOT NULL,
    max_chunk_bytes     integer      NOT NULL,
    reserved_bytes      bigint       NOT NULL,
    verifier_digest     text,
    receiver_key_id     varchar(128),
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    hard_expires_at     timestamptz  NOT NULL,
    uploaded_chunks     integer      NOT NULL,
    uploaded_bytes      bigint       NOT NULL,
    acknowledged_chunks integer      NOT NULL,
    completed_at        timestamptz,
    purged_at           timestamptz,
    CONSTRAINT transfers_pk PRIMARY KEY (id),
    CONSTRAINT transfers_code_unique UNIQUE (code),
    CONSTRAINT transfers_sizes_positive CHECK (chunk_count >= 1 AND max_chunk_bytes >= 1 AND reserved_bytes >= 1),
    CONSTRAINT transfers_reserved_bounded CHECK (reserved_bytes <= chunk_count::bigint * max_chunk_bytes),
    CONSTRAINT transfers_expiry_bounded CHECK (expires_at > created_at AND expires_at <= hard_expires_at),
    CONSTRAINT transfers_progress_in_range CHECK (
        uploaded_chunks BETWEEN 0 AND chunk_count
        AND acknowledged_chunks BETWEEN 0 AND uploaded_chunks
        AND uploaded_bytes BETWEEN 0 AND reserved_bytes)
);

-- Live transfers per sender key and per sender address, for the per-identity and per-address limits.
-- Partial, so complete transfers leave them.
CREATE INDEX transfers_sender_idx ON transfers (sender_key_id, expires_at) WHERE completed_at IS NULL;
CREATE INDEX transfers_address_idx ON transfers (sender_address, expires_at) WHERE completed_at IS NULL;

-- The reserved bytes of live transfers (summed by every create) and the purge of unfinished, expired ones.
CREATE INDEX transfers_unfinished_idx ON transfers (expires_at) WHERE completed_at IS NULL AND purged_at IS NULL;

-- Forgetting transfers, whatever their state, by their expiry.
CREATE INDEX transfers_expires_at_idx ON transfers (expires_at);

-- One row per uploaded chunk: the primary key is what stores exactly one set of bytes per index
-- (INSERT ... ON CONFLICT DO NOTHING). Acknowledging deletes the bytes and keeps the row with its SHA-256,
-- so a repeated upload of an acknowledged index is still recognised as a duplicate or a conflict.
-- The chunks go with their transfer.
CREATE TABLE transfer_chunks (
    transfer_id     varchar(64) COLLATE "C" NOT NULL,
    chunk_index     integer     NOT NULL,
    sha256          varchar(64) NOT NULL,
    size            integer     NOT NULL,
    bytes           bytea,
    uploaded_at     timestamptz NOT NULL,
    acknowledged_at timestamptz,
    CONSTRAINT transfer_chunks_pk PRIMARY KEY (transfer_id, chunk_index),
    CONSTRAINT transfer_chunks_transfer_fk FOREIGN KEY (transfer_id) REFERENCES transfers (id) ON DELETE CASCADE,
    CONSTRAINT transfer_chunks_index_positive CHECK (chunk_index >= 0),
    CONSTRAINT transfer_chunks_size_positive CHECK (size >= 0),
    CONSTRAINT transfer_chunks_bytes_until_acknowledged CHECK ((bytes IS NULL) = (acknowledged_at IS NOT NULL))
);

-- Registered devices (Enterprise). Every change is a compare-and-set on version (UPDATE ... WHERE version =
-- ?), so of two concurrent changes based on one read, the second finds the version moved and changes
-- nothing. The primary key decides between concurrent registrations of one id. Ids sort by code point ("C"),
-- as Java compares them, whatever the database's locale.
CREATE TABLE devices (
    id                varchar(64)  COLLATE "C" NOT NULL,
    owner_key_id      varchar(128) NOT NULL,
    display_name      text         NOT NULL,
    public_key        bytea        NOT NULL,
    onion_address     varchar(62),
    onion_port        integer,
    status            varchar(16)  NOT NULL,
    revocation_reason text,
    reviewed_by       text,
    registered_at     timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    expires_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL,
    CONSTRAINT devices_pk PRIMARY KEY (id),
    CONSTRAINT devices_status_known CHECK (status IN ('PENDING', 'APPROVED', 'REVOKED')),
    CONSTRAINT devices_onion_complete CHECK ((onion_address IS NULL) = (onion_port IS NULL)),
    CONSTRAINT devices_version_positive CHECK (version >= 1)
);

-- One owner's devices by id; all devices of a status by id; the expiry sweep.
CREATE INDEX devices_owner_idx ON devices (owner_key_id, id);
CREATE INDEX devices_status_idx ON devices (status, id);
CREATE INDEX devices_expires_at_idx ON devices (expires_at);

-- The audit log, append-only. Appends take one advisory lock (see docs/postgres.md) and read the last
-- entry under it, so the sequence has no gaps and each entry links to the one before; the primary key backs
-- that up. Attributes are two arrays of equal length, names in ascending order with their values, which
-- round-trip exactly without a JSON library. The type is the enum's name, unchecked here so that a new
-- event type needs no migration.
CREATE TABLE audit_entries (
    sequence         bigint      NOT NULL,
    event_type       varchar(64) NOT NULL,
    occurred_at      timestamptz NOT NULL,
    actor            text        NOT NULL,
    subject          text,
    client_address   text,
    attribute_names  text[]      NOT NULL,
    attribute_values text[]      NOT NULL,
    previous_hash    varchar(64) NOT NULL,
    hash             varchar(64) NOT NULL,
    CONSTRAINT audit_entries_pk PRIMARY KEY (sequence),
    CONSTRAINT audit_entries_sequence_positive CHECK (sequence >= 1),
    CONSTRAINT audit_entries_attributes_paired CHECK (cardinality(attribute_names) = cardinality(attribute_values))
);

-- Queries by time and by type, both in sequence order.
CREATE INDEX audit_entries_occurred_at_idx ON audit_entries (occurred_at, sequence);
CREATE INDEX audit_entries_type_idx ON audit_entries (event_type, sequence);

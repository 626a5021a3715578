-- Pairing sessions with their members and mailboxes, and the expiring counters behind guessing budgets and
-- rate limits. The same rules as V1 hold for jOOQ's generator: varchar for indexed columns, every
-- constraint named. See docs/postgres.md for the races each table's constraints and locks decide.

-- A session (a room). code is its invite code for ever; live_code is the same code while this session
-- holds it, and NULL once the session closed or a successor took the code over after it expired. A plain
-- UNIQUE constraint (NULLs are distinct) then means no code is ever held by two sessions, whatever the time.
CREATE TABLE pairing_sessions (
    id              varchar(64) COLLATE "C" NOT NULL,
    code            varchar(8)  NOT NULL,
    live_code       varchar(8),
    capacity        integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    hard_expires_at timestamptz NOT NULL,
    closed_at       timestamptz,
    CONSTRAINT pairing_sessions_pk PRIMARY KEY (id),
    CONSTRAINT pairing_sessions_live_code_unique UNIQUE (live_code),
    CONSTRAINT pairing_sessions_live_code_is_code CHECK (live_code IS NULL OR live_code = code),
    CONSTRAINT pairing_sessions_capacity_min CHECK (capacity >= 2),
    CONSTRAINT pairing_sessions_expiry_bounded CHECK (expires_at <= hard_expires_at)
);

-- The expiry sweep.
CREATE INDEX pairing_sessions_expires_at_idx ON pairing_sessions (expires_at);

-- One identity's place in a session. ordinal is the join order (the creator's members first, in the order
-- given), so members list host first, then guests as they joined. They go with their session.
CREATE TABLE session_members (
    session_id   varchar(64) COLLATE "C" NOT NULL,
    member_id    varchar(64)  NOT NULL,
    key_id       varchar(128) NOT NULL,
    host         boolean      NOT NULL,
    ordinal      integer      NOT NULL,
    joined_at    timestamptz  NOT NULL,
    last_seen_at timestamptz  NOT NULL,
    CONSTRAINT session_members_pk PRIMARY KEY (session_id, member_id),
    CONSTRAINT session_members_key_unique UNIQUE (session_id, key_id),
    CONSTRAINT session_members_ordinal_unique UNIQUE (session_id, ordinal),
    CONSTRAINT session_members_session_fk FOREIGN KEY (session_id)
        REFERENCES pairing_sessions (id) ON DELETE CASCADE
);

-- Every membership of a key: touch, and counting the sessions a key hosts.
CREATE INDEX session_members_key_idx ON session_members (key_id);

-- Members not seen since a cutoff.
CREATE INDEX session_members_last_seen_at_idx ON session_members (last_seen_at);

-- Every mailbox message takes its sequence from here, under its recipients' mailbox locks.
CREATE SEQUENCE mailbox_sequence START WITH 1 INCREMENT BY 1;

-- Unacknowledged messages, each in one recipient's mailbox: a relayed signal (kind SIGNAL, with sender,
-- addressee, type and payload) or a membership change (with the member it is about, and for peer-left and
-- session-closed the reason). They go with their session.
CREATE TABLE mailbox_messages (
    sequence         bigint       NOT NULL,
    session_id       varchar(64)  COLLATE "C" NOT NULL,
    recipient_key_id varchar(128) NOT NULL,
    kind             varchar(16)  NOT NULL,
    from_member_id   varchar(64),
    to_member_id     varchar(64),
    signal_type      varchar(68),
    payload          text,
    member_id        varchar(64),
    reason           varchar(16),
    at               timestamptz  NOT NULL,
    CONSTRAINT mailbox_messages_pk PRIMARY KEY (sequence),
    CONSTRAINT mailbox_messages_session_fk FOREIGN KEY (session_id)
        REFERENCES pairing_sessions (id) ON DELETE CASCADE,
    CONSTRAINT mailbox_messages_kind_known CHECK (kind IN ('SIGNAL', 'PEER_JOINED', 'PEER_LEFT', 'SESSION_CLOSED')),
    CONSTRAINT mailbox_messages_reason_known CHECK (reason IS NULL OR reason IN ('LEFT', 'TIMED_OUT', 'SESSION_CLOSED')),
    CONSTRAINT mailbox_messages_signal_complete CHECK (
        (kind = 'SIGNAL') = (from_member_id IS NOT NULL AND to_member_id IS NOT NULL
                             AND signal_type IS NOT NULL AND payload IS NOT NULL)),
    CONSTRAINT mailbox_messages_change_complete CHECK ((kind = 'SIGNAL') = (member_id IS NULL AND reason IS NULL)),
    CONSTRAINT mailbox_messages_reason_given CHECK (kind <> 'PEER_LEFT' OR reason IS NOT NULL)
);

-- A recipient's mailbox in order: reading after a cursor, counting against the bound, acknowledging.
CREATE INDEX mailbox_messages_recipient_idx ON mailbox_messages (recipient_key_id, sequence);

-- A session's messages: purging a leaver's, and the sweep (and the cascade) of a whole session.
CREATE INDEX mailbox_messages_session_idx ON mailbox_messages (session_id, recipient_key_id);

-- Expiring counters, one row per key; the primary key makes INSERT ... ON CONFLICT DO UPDATE count atomically.
CREATE TABLE counters (
    name       varchar(512) NOT NULL,
    count      bigint       NOT NULL,
    expires_at timestamptz  NOT NULL,
    CONSTRAINT counters_pk PRIMARY KEY (name),
    CONSTRAINT counters_count_positive CHECK (count > 0)
);

-- The expiry sweep.
CREATE INDEX counters_expires_at_idx ON counters (expires_at);

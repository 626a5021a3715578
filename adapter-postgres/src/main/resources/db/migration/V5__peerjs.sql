-- PeerJS compatibility: the directory of which socket holds which peer id, and each peer's queue of messages
-- relayed to it, shared by every instance so that peers on different instances reach each other.
-- The same rules as V1 hold for jOOQ's generator: varchar for indexed columns, every constraint named, and
-- what H2 cannot parse between jooq ignore markers. See docs/postgres.md for the races and their locks.
--
-- Both tables are logged (not UNLOGGED): a crash or a failover to a standby (which has no unlogged data)
-- would otherwise empty the directory while sockets still hold their ids, letting others claim them, and
-- would drop queued messages without the EXPIRE their senders are owed.

-- One row per claimed peer id in a realm (the PeerJS API key). The primary key's row lock orders every
-- change to one id: a claim locks it (SELECT ... FOR UPDATE) to decide ID-TAKEN, supersede or replace, and
-- touch and release change it only while connection_id is still theirs, so a superseded socket can neither
-- keep the id alive nor give it up. A claim of an id new to the realm first takes the realm's advisory lock
-- and counts the live rows under it, so the concurrent limit holds across instances. Ids sort by code point
-- ("C"), as Java compares them, for the discovery list.
CREATE TABLE peer_connections (
    realm_key      varchar(128) COLLATE "C" NOT NULL,
    peer_id        varchar(64)  COLLATE "C" NOT NULL,
    token          text         NOT NULL,
    connection_id  text         NOT NULL,
    client_address text         NOT NULL,
    opened_at      timestamptz  NOT NULL,
    last_seen_at   timestamptz  NOT NULL,
    CONSTRAINT peer_connections_pk PRIMARY KEY (realm_key, peer_id)
);

-- Live connections of a realm (last seen at or after a cutoff): counting them against the concurrent limit.
-- Listing live ids in id order walks the primary key instead.
CREATE INDEX peer_connections_realm_seen_idx ON peer_connections (realm_key, last_seen_at);

-- The sweep of stale connections, across realms.
CREATE INDEX peer_connections_last_seen_at_idx ON peer_connections (last_seen_at);

-- Every queued PeerJS message takes its sequence from here, under its recipient's queue lock.
CREATE SEQUENCE peer_message_sequence START WITH 1 INCREMENT BY 1;

-- Messages waiting for their recipient (realm_key, dst), deleted when it acknowledges them or when the
-- sweep expires them (then their sender gets EXPIRE). Appending takes the recipient's advisory lock, counts
-- its queue under it and draws the sequence under it, so the per-peer bound holds across instances and a
-- reader never sees a sequence while a smaller one for the same recipient can still commit.
CREATE TABLE peer_messages (
    sequence  bigint       NOT NULL,
    realm_key varchar(128) COLLATE "C" NOT NULL,
    dst       varchar(64)  COLLATE "C" NOT NULL,
    src       varchar(64)  NOT NULL,
    type      varchar(16)  NOT NULL,
    payload   text         NOT NULL,
    queued_at timestamptz  NOT NULL,
    CONSTRAINT peer_messages_pk PRIMARY KEY (sequence),
    CONSTRAINT peer_messages_type_known CHECK (type IN ('OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE', 'EXPIRE'))
);

-- A recipient's queue in order: reading after a cursor, counting against the bound, acknowledging.
CREATE INDEX peer_messages_recipient_idx ON peer_messages (realm_key, dst, sequence);

-- The expiry of messages nobody came for, oldest first.
CREATE INDEX peer_messages_queued_at_idx ON peer_messages (queued_at, sequence);

-- How many messages all queues hold together, for the total bound: one row, which every append increments
-- (UPDATE ... WHERE queued < max, so of concurrent appenders on any instance only those that fit succeed)
-- and every delete of messages decrements in the same transaction. Its row lock serialises queue changes
-- database-wide for the length of a commit: the price of an exact total (see docs/postgres.md).
CREATE TABLE peer_message_total (
    id     smallint NOT NULL,
    queued bigint   NOT NULL,
    CONSTRAINT peer_message_total_pk PRIMARY KEY (id),
    CONSTRAINT peer_message_total_one_row CHECK (id = 1),
    CONSTRAINT peer_message_total_not_negative CHECK (queued >= 0)
);

INSERT INTO peer_message_total (id, queued) VALUES (1, 0);

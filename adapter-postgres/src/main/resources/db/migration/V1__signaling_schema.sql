-- Switchboard's storage: credentials, signature nonces, offers with their single answer, and ICE candidates.
--
-- jOOQ generates its classes from this script at build time (DDLDatabase, simulated in H2), so:
-- indexed columns are varchar (H2 cannot index text), every constraint is named, and what H2 cannot
-- parse sits between jooq ignore markers (Flyway still runs it). See docs/postgres.md.

-- Server-issued HMAC credentials. Only the sealed secret is stored: AES-256-GCM ciphertext with its tag,
-- the IV, and the id of the master key that sealed it.
CREATE TABLE credentials (
    id            varchar(128) NOT NULL,
    master_key_id varchar(128) NOT NULL,
    iv            bytea        NOT NULL,
    ciphertext    bytea        NOT NULL,
    created_at    timestamptz  NOT NULL,
    CONSTRAINT credentials_pk PRIMARY KEY (id),
    CONSTRAINT credentials_iv_length CHECK (octet_length(iv) = 12),
    CONSTRAINT credentials_ciphertext_present CHECK (octet_length(ciphertext) > 0)
);

-- Signature nonces per key; the primary key is what rejects a replay (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE nonces (
    key_id         varchar(128) NOT NULL,
    nonce          varchar(128) NOT NULL,
    remember_until timestamptz  NOT NULL,
    CONSTRAINT nonces_pk PRIMARY KEY (key_id, nonce)
);

-- The sweep forgets nonces by the end of their replay window.
CREATE INDEX nonces_remember_until_idx ON nonces (remember_until);

-- Every answer and candidate takes its event sequence from here, so cursors are monotonic across instances.
CREATE SEQUENCE event_sequence START WITH 1 INCREMENT BY 1;

-- Offers with their single answer in the same row: the conditional UPDATE that attaches the answer
-- decides the race, and an answer cannot outlive its offer. The answer columns are all set or all null.
-- Ids sort by code point ("C"), as discovery order compares them in Java, whatever the database's locale.
CREATE TABLE offers (
    id              varchar(64)   COLLATE "C" NOT NULL,
    owner_key_id    varchar(128)  NOT NULL,
    service         varchar(97)   NOT NULL,
    tags            varchar(64)[] NOT NULL,
    sdp             text          NOT NULL,
    created_at      timestamptz   NOT NULL,
    expires_at      timestamptz   NOT NULL,
    answerer_key_id varchar(128),
    answer_sdp      text,
    answered_at     timestamptz,
    answer_sequence bigint,
    CONSTRAINT offers_pk PRIMARY KEY (id),
    CONSTRAINT offers_expire_after_creation CHECK (expires_at > created_at),
    CONSTRAINT offers_answer_complete CHECK (
        (answerer_key_id IS NULL AND answer_sdp IS NULL AND answered_at IS NULL AND answer_sequence IS NULL)
        OR (answerer_key_id IS NOT NULL AND answer_sdp IS NOT NULL AND answered_at IS NOT NULL
            AND answer_sequence IS NOT NULL))
);

-- Discovery within a service: unanswered offers in discovery order (created_at, id). Partial, so
-- answered offers leave the index.
CREATE INDEX offers_discovery_by_service_idx ON offers (service, created_at, id) WHERE answerer_key_id IS NULL;

-- Discovery across all services, same order.
CREATE INDEX offers_discovery_idx ON offers (created_at, id) WHERE answerer_key_id IS NULL;

-- The expiry sweep.
CREATE INDEX offers_expires_at_idx ON offers (expires_at);

-- Events for an owner: answers to its offers by sequence, and its offers to join their candidates to.
CREATE INDEX offers_owner_idx ON offers (owner_key_id, answer_sequence);

-- Events for an answerer: the offers it answered, to join the owner's candidates to.
CREATE INDEX offers_answerer_idx ON offers (answerer_key_id) WHERE answerer_key_id IS NOT NULL;

-- Discovery by tags: "carries every required tag" is array containment (tags @> required), which a GIN
-- index serves. H2 cannot parse GIN, so jOOQ's generator skips this statement.
-- [jooq ignore start]
CREATE INDEX offers_tags_idx ON offers USING gin (tags) WHERE answerer_key_id IS NULL;
-- [jooq ignore stop]

-- ICE candidates, each with its event sequence; they go with their offer.
CREATE TABLE candidates (
    sequence   bigint       NOT NULL,
    offer_id   varchar(64)  COLLATE "C" NOT NULL,
    role       varchar(8)   NOT NULL,
    candidate  text         NOT NULL,
    added_at   timestamptz  NOT NULL,
    CONSTRAINT candidates_pk PRIMARY KEY (sequence),
    CONSTRAINT candidates_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (id) ON DELETE CASCADE,
    CONSTRAINT candidates_role_known CHECK (role IN ('OFFERER', 'ANSWERER'))
);

-- One side's candidates of one offer in order: listing, counting against the limit, and routing events.
CREATE INDEX candidates_offer_role_idx ON candidates (offer_id, role, sequence);

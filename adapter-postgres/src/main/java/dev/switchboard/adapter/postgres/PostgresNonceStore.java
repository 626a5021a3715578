package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.NONCES;

import dev.switchboard.ports.driven.NonceStore;
import java.time.Instant;
import java.util.Objects;

/**
 * Signature nonces in PostgreSQL. The primary key (key_id, nonce) decides replays: of concurrent inserts
 * of one nonce, on any number of instances, exactly one inserts a row. A remembered nonce stays rejected
 * until a sweep forgets it, even once its window has passed, as the port requires.
 */
final class PostgresNonceStore implements NonceStore {
    private final Database database;
    private final ExpirySweep sweep;

    PostgresNonceStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    @Override
    public boolean rememberIfAbsent(String keyId, String nonce, Instant rememberUntil) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(rememberUntil, "rememberUntil");
        int inserted = database.statement(dsl -> dsl.insertInto(NONCES)
                .set(NONCES.KEY_ID, keyId)
                .set(NONCES.NONCE, nonce)
                .set(NONCES.REMEMBER_UNTIL, rememberUntil)
                .onConflictDoNothing()
                .execute());
        return inserted == 1;
    }

    @Override
    public int forgetExpired(Instant now) {
        return sweep.noncesExpiredAt(now);
    }
}

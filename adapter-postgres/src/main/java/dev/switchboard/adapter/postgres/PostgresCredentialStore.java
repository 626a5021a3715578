package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CREDENTIALS;

import dev.switchboard.adapter.postgres.schema.tables.records.CredentialsRecord;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Issued credentials in PostgreSQL, as the domain sealed them: master key id, IV and ciphertext only, with an
 * optional end of life. Re-sealing is a compare-and-set on the whole sealed secret, so of a rotation and
 * anything else re-sealing one credential concurrently (another instance's rotation), exactly one wins.
 */
final class PostgresCredentialStore implements CredentialStore {
    private final Database database;
    private final ExpirySweep sweep;

    PostgresCredentialStore(Database database) {
        this.database = database;
        this.sweep = new ExpirySweep(database);
    }

    @Override
    public void save(StoredCredential credential) {
        SealedSecret secret = credential.secret();
        database.statement(dsl -> {
            try {
                return dsl.insertInto(CREDENTIALS)
                        .set(CREDENTIALS.ID, credential.credentialId())
                        .set(CREDENTIALS.MASTER_KEY_ID, secret.masterKeyId())
                        .set(CREDENTIALS.IV, secret.iv())
                        .set(CREDENTIALS.CIPHERTEXT, secret.ciphertext())
                        .set(CREDENTIALS.CREATED_AT, credential.createdAt())
                        .set(CREDENTIALS.EXPIRES_AT, credential.expiresAt().orElse(null))
                        .execute();
            } catch (DataAccessException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("credential " + credential.credentialId() + " already exists", e);
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<StoredCredential> find(String credentialId) {
        return database.statement(dsl -> dsl.selectFrom(CREDENTIALS)
                        .where(CREDENTIALS.ID.eq(credentialId))
                        .fetchOptional())
                .map(PostgresCredentialStore::credential);
    }

    /**
     * A keyset page through the primary key ({@code id > ? ORDER BY id LIMIT ?}, ids {@code COLLATE "C"}),
     * skipping those sealed under the current key: a whole rotation reads each credential once.
     */
    @Override
    public List<StoredCredential> sealedUnderOtherKey(String currentKeyId, Optional<String> afterCredentialId,
            int limit) {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        Objects.requireNonNull(afterCredentialId, "afterCredentialId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Condition after = afterCredentialId.map(CREDENTIALS.ID::gt).orElse(DSL.noCondition());
        return database.statement(dsl -> dsl.selectFrom(CREDENTIALS)
                        .where(CREDENTIALS.MASTER_KEY_ID.ne(currentKeyId))
                        .and(after)
                        .orderBy(CREDENTIALS.ID)
                        .limit(limit)
                        .fetch())
                .map(PostgresCredentialStore::credential);
    }

    /**
     * {@code UPDATE credentials SET <replacement> WHERE id = ? AND master_key_id = ? AND iv = ? AND
     * ciphertext = ?}: a concurrent re-seal waits for the row lock, re-checks the condition against the
     * committed row, and changes nothing.
     */
    @Override
    public boolean reseal(String credentialId, SealedSecret expected, SealedSecret replacement) {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return database.statement(dsl -> dsl.update(CREDENTIALS)
                .set(CREDENTIALS.MASTER_KEY_ID, replacement.masterKeyId())
                .set(CREDENTIALS.IV, replacement.iv())
                .set(CREDENTIALS.CIPHERTEXT, replacement.ciphertext())
                .where(CREDENTIALS.ID.eq(credentialId))
                .and(CREDENTIALS.MASTER_KEY_ID.eq(expected.masterKeyId()))
                .and(CREDENTIALS.IV.eq(expected.iv()))
                .and(CREDENTIALS.CIPHERTEXT.eq(expected.ciphertext()))
                .execute()) == 1;
    }

    @Override
    public int deleteExpired(Instant now) {
        return sweep.credentialsExpiredAt(now);
    }

    private static StoredCredential credential(CredentialsRecord row) {
        return new StoredCredential(row.getId(),
                new SealedSecret(row.getMasterKeyId(), row.getIv(), row.getCiphertext()), row.getCreatedAt(),
                Optional.ofNullable(row.getExpiresAt()));
    }
}

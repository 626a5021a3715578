package dev.switchboard.adapter.postgres;

import static dev.switchboard.adapter.postgres.schema.Tables.CREDENTIALS;

import dev.switchboard.adapter.postgres.schema.tables.records.CredentialsRecord;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import java.util.Optional;
import org.jooq.exception.DataAccessException;

/** Issued credentials in PostgreSQL, as the domain sealed them: master key id, IV and ciphertext only. */
final class PostgresCredentialStore implements CredentialStore {
    private final Database database;

    PostgresCredentialStore(Database database) {
        this.database = database;
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

    private static StoredCredential credential(CredentialsRecord row) {
        return new StoredCredential(row.getId(),
                new SealedSecret(row.getMasterKeyId(), row.getIv(), row.getCiphertext()), row.getCreatedAt());
    }
}

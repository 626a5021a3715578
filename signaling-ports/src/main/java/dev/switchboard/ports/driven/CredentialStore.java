package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps server-issued HMAC credentials, whose secrets arrive already sealed. */
public interface CredentialStore {

    /** Stores a new credential. Ids are unique; saving an existing id is a programming error. */
    void save(StoredCredential credential);

    Optional<StoredCredential> find(String credentialId);

    /**
     * Credentials whose secret is sealed under a master key other than {@code currentKeyId}, ordered by id,
     * after {@code afterCredentialId}, at most {@code limit}: what a key rotation still has to re-encrypt.
     */
    List<StoredCredential> sealedUnderOtherKey(String currentKeyId, Optional<String> afterCredentialId, int limit);

    /**
     * Replaces the credential's sealed secret with {@code replacement} if it is still {@code expected}
     * (compare-and-set); returns whether it did. Never changes anything else of the credential.
     */
    boolean reseal(String credentialId, SealedSecret expected, SealedSecret replacement);

    /** Deletes every credential whose lifetime ended at or before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}

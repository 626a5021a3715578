package dev.switchboard.ports.driven;

import dev.switchboard.ports.model.StoredCredential;
import java.util.Optional;

/** Keeps server-issued HMAC credentials, whose secrets arrive already sealed. */
public interface CredentialStore {

    /** Stores a new credential. Ids are unique; saving an existing id is a programming error. */
    void save(StoredCredential credential);

    Optional<StoredCredential> find(String credentialId);
}

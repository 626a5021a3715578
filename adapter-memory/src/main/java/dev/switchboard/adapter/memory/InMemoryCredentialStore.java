package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.model.StoredCredential;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Issued credentials, by id, in memory. */
final class InMemoryCredentialStore implements CredentialStore {
    private final ConcurrentMap<String, StoredCredential> byId = new ConcurrentHashMap<>();

    @Override
    public void save(StoredCredential credential) {
        if (byId.putIfAbsent(credential.credentialId(), credential) != null) {
            throw new IllegalStateException("credential " + credential.credentialId() + " already exists");
        }
    }

    @Override
    public Optional<StoredCredential> find(String credentialId) {
        return Optional.ofNullable(byId.get(credentialId));
    }
}

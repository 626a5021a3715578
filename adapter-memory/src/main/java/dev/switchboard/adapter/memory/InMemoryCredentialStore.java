package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Issued credentials in memory, sorted by id so that a key rotation can walk them in pages. */
final class InMemoryCredentialStore implements CredentialStore {
    private final ConcurrentSkipListMap<String, StoredCredential> byId = new ConcurrentSkipListMap<>();

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

    @Override
    public List<StoredCredential> sealedUnderOtherKey(
            String currentKeyId, Optional<String> afterCredentialId, int limit) {
        NavigableMap<String, StoredCredential> rest =
                afterCredentialId.map(after -> byId.tailMap(after, false)).orElse(byId);
        return rest.values().stream()
                .filter(credential -> !credential.secret().masterKeyId().equals(currentKeyId))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean reseal(String credentialId, SealedSecret expected, SealedSecret replacement) {
        boolean[] replaced = new boolean[1];
        byId.computeIfPresent(credentialId, (id, credential) -> {
            replaced[0] = credential.secret().equals(expected);
            return replaced[0] ? credential.resealed(replacement) : credential;
        });
        return replaced[0];
    }

    /** Walks every credential: sweeps are periodic, and credentials are few next to requests. */
    @Override
    public int deleteExpired(Instant now) {
        int deleted = 0;
        for (Map.Entry<String, StoredCredential> entry : byId.entrySet()) {
            // By key and value: of two racing sweeps only one counts it.
            if (entry.getValue().isExpiredAt(now) && byId.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }

    /** How many credentials are not expired at {@code now}. */
    long countLive(Instant now) {
        return byId.values().stream().filter(credential -> !credential.isExpiredAt(now)).count();
    }
}

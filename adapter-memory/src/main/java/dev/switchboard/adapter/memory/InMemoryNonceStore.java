package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.NonceStore;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Signature nonces per key in memory, each with the end of its replay window. */
final class InMemoryNonceStore implements NonceStore {
    private final ConcurrentMap<Seen, Instant> rememberedUntil = new ConcurrentHashMap<>();

    @Override
    public boolean rememberIfAbsent(String keyId, String nonce, Instant rememberUntil) {
        Objects.requireNonNull(rememberUntil, "rememberUntil");
        return rememberedUntil.putIfAbsent(new Seen(keyId, nonce), rememberUntil) == null;
    }

    /** Walks every nonce: sweeps are periodic, whereas an expiry index would cost every request a second write. */
    @Override
    public int forgetExpired(Instant now) {
        int forgotten = 0;
        for (Map.Entry<Seen, Instant> entry : rememberedUntil.entrySet()) {
            // Removing by key and value, so that of two concurrent sweeps only one counts the nonce.
            if (!entry.getValue().isAfter(now) && rememberedUntil.remove(entry.getKey(), entry.getValue())) {
                forgotten++;
            }
        }
        return forgotten;
    }

    /** One nonce of one key. */
    private record Seen(String keyId, String nonce) {
        Seen {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(nonce, "nonce");
        }
    }
}

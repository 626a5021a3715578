package dev.switchboard.domain.peerjs;

import java.util.Set;

/** The API keys this server serves; each is a realm whose peers never see another realm's. */
final class Realms {
    private final Set<String> keys;

    Realms(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    /** Refuses a key the server does not serve, with the text the {@code peerjs} client shows. */
    void requireServed(String key) {
        if (!keys.contains(key)) {
            throw PeerErrors.keyInvalid(key);
        }
    }
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerId;

/**
 * A fresh random id for realm {@code key} ({@code GET /<key>/id}); {@code peer_key_invalid} for an unknown key,
 * {@code peer_token_invalid} on a server that requires PeerJS tokens (its ids come with tokens).
 */
public interface GeneratePeerId {
    PeerId generate(String key);
}

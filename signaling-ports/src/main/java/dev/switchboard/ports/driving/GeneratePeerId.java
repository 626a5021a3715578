package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerId;

/** A fresh random id for realm {@code key} ({@code GET /<key>/id}); {@code peer_key_invalid} for an unknown key. */
public interface GeneratePeerId {
    PeerId generate(String key);
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerId;
import java.util.List;

/**
 * The connected ids of realm {@code key} ({@code GET /<key>/peers}); refused with
 * {@code peer_discovery_disabled} unless discovery is allowed, {@code peer_key_invalid} for an unknown key.
 */
public interface ListPeers {
    List<PeerId> list(String key);
}

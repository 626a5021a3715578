package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerMessageType;
import dev.switchboard.ports.model.PeerSession;

/**
 * Relays a PeerJS message from the session's peer to {@code dst} in the same realm, with {@code src} set to
 * the sender. A message for a peer not connected yet waits for it (up to the expire timeout; then the sender
 * gets {@code EXPIRE}), except {@code LEAVE} and {@code EXPIRE}, which are dropped as PeerJS does. Refused
 * with {@code peer_superseded} when the session no longer holds its id, {@code mailbox_full} when the
 * recipient's queue or the server's is full, {@code payload_too_large} for an oversized payload.
 */
public interface RelayPeerMessage {

    void relay(PeerSession from, PeerMessageType type, PeerId dst, String payloadJson);
}

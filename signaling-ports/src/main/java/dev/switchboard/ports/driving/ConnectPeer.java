package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerId;
import dev.switchboard.ports.model.PeerSession;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a PeerJS socket's hold on its id. Refused with {@code peer_key_invalid} for a key the server does not
 * serve, {@code peer_id_taken} when another live socket with another token holds the id, and
 * {@code limit_reached} when the realm is at its concurrent limit, and, on a server that requires PeerJS tokens,
 * {@code peer_token_invalid} unless the token is a valid one for this id ({@link IssuePeerToken}). A live socket
 * with the same id and token is superseded: its transport must close it.
 */
public interface ConnectPeer {

    Connected connect(Request request);

    record Request(String key, PeerId id, String token, String clientAddress) {
        public Request {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(clientAddress, "clientAddress");
        }

        @Override
        public String toString() {
            return "Request[key=" + key + ", id=" + id + ", token=(redacted), clientAddress=" + clientAddress + "]";
        }
    }

    /** @param supersededConnectionId the socket this one replaced, which must now be closed */
    record Connected(PeerSession session, Optional<String> supersededConnectionId) {
        public Connected {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(supersededConnectionId, "supersededConnectionId");
        }
    }
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.PeerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues a PeerJS token to the (signed) caller: a server-signed, URL-safe string that lets a PeerJS socket
 * take one peer id until it expires. The id is derived from the caller's key id (optionally after a
 * {@code name} the caller picks), so no other identity can ever be issued a token for it: on a server that
 * requires tokens, ids cannot be squatted. {@code validation_failed} for a name that is not 1-31 letters and
 * digits joined by single {@code -} or {@code _}.
 */
public interface IssuePeerToken {

    Issued issue(Identity caller, Request request);

    /** @param name a readable prefix of the id, so that one identity can hold several ids; empty for none */
    record Request(Optional<String> name) {
        public Request {
            Objects.requireNonNull(name, "name");
        }
    }

    /** @param token what the PeerJS client passes as its {@code token}, with {@code id} as its id */
    record Issued(PeerId id, String token, Instant expiresAt) {
        public Issued {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Issued[id=" + id + ", token=(redacted), expiresAt=" + expiresAt + "]";
        }
    }
}

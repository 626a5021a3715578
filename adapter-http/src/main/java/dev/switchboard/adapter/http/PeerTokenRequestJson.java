package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.IssuePeerToken;
import java.util.Optional;

/** The body of {@code POST /v1/peerjs/tokens}: {@code name}, optional (the id is the bare fingerprint without it). */
record PeerTokenRequestJson(String name) {

    IssuePeerToken.Request toRequest() {
        return new IssuePeerToken.Request(Optional.ofNullable(name));
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.IssuePeerToken;
import java.util.Optional;

/**
 * {@code POST /v1/peerjs/tokens}: 201 with a PeerJS token and the id it is for, an id the caller's key id owns
 * ({@code docs/peerjs.md}). 404 on a server that runs no PeerJS endpoint.
 */
final class IssuePeerTokenEndpoint implements Endpoint {
    private final Optional<IssuePeerToken> issuePeerToken;

    IssuePeerTokenEndpoint(Optional<IssuePeerToken> issuePeerToken) {
        this.issuePeerToken = issuePeerToken;
    }

    @Override
    public Reply handle(Call call) {
        IssuePeerToken issue = issuePeerToken.orElseThrow(() -> new SignalingException(ErrorCode.NOT_FOUND,
                "this server runs no PeerJS endpoint"));
        IssuePeerToken.Request request = call.body(PeerTokenRequestJson.class).toRequest();
        return Reply.created(PeerTokenJson.from(issue.issue(call.caller(), request)));
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.JoinSession;

/**
 * {@code POST /v1/sessions/join}: joins by invite code or token. Failed attempts count against the
 * {@link ClientAddress} of the request.
 */
final class JoinSessionEndpoint implements Endpoint {
    private final JoinSession joinSession;

    JoinSessionEndpoint(JoinSession joinSession) {
        this.joinSession = joinSession;
    }

    @Override
    public Reply handle(Call call) {
        JoinSession.Request request = call.body(JoinSessionJson.class).toRequest(call.clientAddress());
        return Reply.ok(JoinedSessionJson.from(joinSession.join(call.caller(), request)));
    }
}

package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.OpenSession;
import java.net.URI;

/** {@code POST /v1/sessions}: opens a session hosted by the caller; 201 with its invite code, token and link. */
final class OpenSessionEndpoint implements Endpoint {
    private final OpenSession openSession;
    private final JoinLinks joinLinks;

    OpenSessionEndpoint(OpenSession openSession, JoinLinks joinLinks) {
        this.openSession = openSession;
        this.joinLinks = joinLinks;
    }

    @Override
    public Reply handle(Call call) {
        OpenSession.Request request = call.body(OpenSessionJson.class).toRequest();
        URI base = joinLinks.baseFor(call);
        OpenSession.Opened opened = openSession.open(call.caller(), request);
        return Reply.created(OpenedSessionJson.from(opened, JoinLinks.link(base, opened.inviteToken())));
    }
}

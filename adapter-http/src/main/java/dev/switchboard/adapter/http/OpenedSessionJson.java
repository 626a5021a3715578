package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.OpenSession;
import java.net.URI;

/**
 * The response of {@code POST /v1/sessions}: the session, the host's member id, and both ways to invite
 * someone: the code to read out and the signed token, also as a ready-to-render join link.
 */
record OpenedSessionJson(SessionJson session, String memberId, String inviteCode, String inviteToken,
        String joinUri) {

    static OpenedSessionJson from(OpenSession.Opened opened, URI joinUri) {
        return new OpenedSessionJson(SessionJson.from(opened.session()), opened.hostMemberId().value(),
                opened.session().code().value(), opened.inviteToken(), joinUri.toString());
    }

    @Override
    public String toString() {
        return "OpenedSessionJson[session=" + session.id() + ", memberId=" + memberId + ", invite=(redacted)]";
    }
}

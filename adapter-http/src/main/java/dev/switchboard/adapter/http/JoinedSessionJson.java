package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.JoinSession;

/** The response of {@code POST /v1/sessions/join}: the session as it now is and the caller's member id. */
record JoinedSessionJson(SessionJson session, String memberId) {

    static JoinedSessionJson from(JoinSession.Joined joined) {
        return new JoinedSessionJson(SessionJson.from(joined.session()), joined.memberId().value());
    }
}

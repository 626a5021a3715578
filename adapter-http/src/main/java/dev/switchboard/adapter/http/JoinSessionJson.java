package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.model.InviteCode;
import java.util.Optional;

/** The body of {@code POST /v1/sessions/join}: exactly one of {@code code} and {@code token}. */
record JoinSessionJson(String code, String token) {

    JoinSession.Request toRequest(String clientAddress) {
        return new JoinSession.Request(Optional.ofNullable(code).map(InviteCode::new), Optional.ofNullable(token),
                clientAddress);
    }

    @Override
    public String toString() {
        return "JoinSessionJson[(redacted)]";
    }
}

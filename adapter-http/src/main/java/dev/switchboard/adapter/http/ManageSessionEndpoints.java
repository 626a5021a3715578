package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.CloseSession;
import dev.switchboard.ports.driving.GetSession;
import dev.switchboard.ports.driving.LeaveSession;

/** A member's signed routes on one session: read it, leave it, and (the host) close it. */
final class ManageSessionEndpoints {
    private final GetSession getSession;
    private final LeaveSession leaveSession;
    private final CloseSession closeSession;

    ManageSessionEndpoints(GetSession getSession, LeaveSession leaveSession, CloseSession closeSession) {
        this.getSession = getSession;
        this.leaveSession = leaveSession;
        this.closeSession = closeSession;
    }

    /** {@code GET /v1/sessions/{sessionId}}: 200 with the session. */
    Reply get(Call call) {
        return Reply.ok(SessionJson.from(getSession.get(call.caller(), call.sessionId())));
    }

    /** {@code POST /v1/sessions/{sessionId}/leave}: 204; the others are told {@code peer-left}. */
    Reply leave(Call call) {
        leaveSession.leave(call.caller(), call.sessionId());
        return new Reply.NoContent();
    }

    /** {@code DELETE /v1/sessions/{sessionId}}: the host closes it; 204, everyone is told {@code session-closed}. */
    Reply close(Call call) {
        closeSession.close(call.caller(), call.sessionId());
        return new Reply.NoContent();
    }
}

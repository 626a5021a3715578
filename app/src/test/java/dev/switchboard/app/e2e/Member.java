package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** A peer that is in a pairing session: its signing peer, the session and its member id there. */
record Member(Peer peer, String sessionId, String memberId) {

    /** The same member calling another instance. */
    Member via(Api other) {
        return new Member(peer.via(other), sessionId, memberId);
    }

    /** A signed ticket for {@code GET /v1/ws}. */
    String ticket() {
        ApiResponse issued = peer.call("POST", "/v1/tickets").send();
        assertThat(issued.status()).as("ticket: %s", issued).isEqualTo(201);
        return issued.json().path("ticket").asText();
    }

    /** A WebSocket pushing this member's mailbox after {@code after}. */
    SocketClient connect(Api api, long after) {
        SocketClient socket = SocketClient.open(api, "ticket=" + ticket() + "&after=" + after);
        socket.awaitFrame(frame -> frame.path("type").asText().equals("welcome"));
        return socket;
    }

    /** Sends a signal over HTTP; {@code to} may be null for everyone else. */
    ApiResponse signal(String to, String type, Object payload) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "payload", payload));
        if (to != null) {
            body.put("to", to);
        }
        return peer.post("/v1/sessions/" + sessionId + "/signals", body);
    }

    /** A {@code signal} frame to {@code to}. */
    Map<String, Object> signalFrame(String ref, String to, String type, Object payload) {
        return Map.of("type", "signal", "ref", ref, "sessionId", sessionId, "to", to,
                "signalType", type, "payload", payload);
    }

    /** Joins the session of {@code invite} ({@code {"code":...}} or {@code {"token":...}}) as {@code peer}. */
    static Member join(Peer peer, Map<String, String> invite) {
        ApiResponse joined = peer.post("/v1/sessions/join", invite);
        assertThat(joined.status()).as("join: %s", joined).isEqualTo(200);
        JsonNode body = joined.json();
        return new Member(peer, body.path("session").path("id").asText(), body.path("memberId").asText());
    }
}

package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A session a host has just opened, with the invitations it got back. */
record OpenedSession(Member host, String inviteCode, String inviteToken, String joinUri) {

    /** {@code host} opens a session of {@code capacity} members. */
    static OpenedSession open(Peer host, int capacity) {
        ApiResponse opened = host.post("/v1/sessions", Map.of("capacity", capacity));
        assertThat(opened.status()).as("open: %s", opened).isEqualTo(201);
        JsonNode body = opened.json();
        return new OpenedSession(
                new Member(host, body.path("session").path("id").asText(), body.path("memberId").asText()),
                body.path("inviteCode").asText(),
                body.path("inviteToken").asText(),
                body.path("joinUri").asText());
    }

    Member joinByCode(Peer peer) {
        return Member.join(peer, Map.of("code", inviteCode));
    }

    Member joinByToken(Peer peer) {
        return Member.join(peer, Map.of("token", inviteToken));
    }

    String id() {
        return host.sessionId();
    }
}

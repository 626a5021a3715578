package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.PairingSession;
import java.time.Instant;
import java.util.List;

/** A pairing session as its members see it: never its invite code, never a member's key id. */
record SessionJson(String id, int capacity, Instant createdAt, Instant expiresAt, boolean closed,
        List<MemberJson> members) {

    static SessionJson from(PairingSession session) {
        return new SessionJson(session.id().value(), session.capacity(), session.createdAt(), session.expiresAt(),
                session.isClosed(), session.members().stream().map(MemberJson::from).toList());
    }

    /** One member: its id within the session, whether it hosts, and since when it is in. */
    record MemberJson(String id, boolean host, Instant joinedAt) {

        static MemberJson from(Member member) {
            return new MemberJson(member.id().value(), member.host(), member.joinedAt());
        }
    }
}

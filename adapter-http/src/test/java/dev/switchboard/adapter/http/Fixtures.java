package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Member;
import dev.switchboard.ports.model.MemberId;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.SessionId;
import dev.switchboard.ports.model.SessionMessage;
import dev.switchboard.ports.model.SignalPayload;
import dev.switchboard.ports.model.SignalType;
import dev.switchboard.ports.model.Tags;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port values for the use-case doubles to return. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    static final OfferId OFFER_ID = new OfferId("offer-0001");
    static final String OWNER = "b3duZXItcHVibGljLWtleS0zMi1ieXRlcy1sb25nLi4";
    static final String CANDIDATE_JSON = "{\"candidate\":\"candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}";

    static final SessionId SESSION_ID = new SessionId("session-0000000001");
    static final MemberId ALICE_MEMBER = new MemberId("member-alice");
    static final MemberId BOB_MEMBER = new MemberId("member-bob1");
    static final String BOB_KEY = "Ym9iLXB1YmxpYy1rZXktMzItYnl0ZXMtbG9uZy4uLi4";

    private Fixtures() {}

    /** A session ALICE hosts and BOB joined, open for five minutes from {@link #CREATED}. */
    static PairingSession session() {
        return new PairingSession(SESSION_ID, new InviteCode("K7M2Q9XA"), 2, CREATED, CREATED.plusSeconds(300),
                CREATED.plusSeconds(3600), Optional.empty(), List.of(
                        new Member(ALICE_MEMBER, UseCaseDoubles.ALICE.keyId(), true, CREATED, CREATED),
                        new Member(BOB_MEMBER, BOB_KEY, false, CREATED.plusSeconds(5), CREATED.plusSeconds(5))));
    }

    /** A signal from BOB to ALICE, not yet stored (sequence 0), carrying {@code payload} as raw JSON. */
    static SessionMessage.Signal signalToAlice(String type, String payload) {
        return new SessionMessage.Signal(0, SESSION_ID, UseCaseDoubles.ALICE.keyId(), BOB_MEMBER, ALICE_MEMBER,
                new SignalType(type), new SignalPayload(payload), CREATED.plusSeconds(7));
    }

    /** ALICE is told that BOB left, for {@code reason}. */
    static SessionMessage.MembershipChange bobLeft(SessionMessage.LeaveReason reason) {
        return new SessionMessage.MembershipChange(0, SESSION_ID, UseCaseDoubles.ALICE.keyId(),
                SessionMessage.Kind.PEER_LEFT, BOB_MEMBER, Optional.of(reason), CREATED.plusSeconds(9));
    }

    /** ALICE is told that BOB joined. */
    static SessionMessage.MembershipChange bobJoined() {
        return new SessionMessage.MembershipChange(0, SESSION_ID, UseCaseDoubles.ALICE.keyId(),
                SessionMessage.Kind.PEER_JOINED, BOB_MEMBER, Optional.empty(), CREATED.plusSeconds(5));
    }

    static Offer offer(String id) {
        return new Offer(new OfferId(id), OWNER, new ServiceName("chat:1.0"), Tags.of("eu", "video"),
                new Sdp("v=0 offer"), CREATED, CREATED.plusSeconds(300), Optional.empty());
    }

    static Offer answered(String id) {
        return offer(id).withAnswer(new Answer(UseCaseDoubles.ALICE.keyId(), new Sdp("v=0 answer"),
                CREATED.plusSeconds(10)), CREATED.plusSeconds(130));
    }

    static Candidate candidate(long sequence, Role from) {
        return new Candidate(sequence, OFFER_ID, from, new IceCandidate(CANDIDATE_JSON), CREATED.plusSeconds(sequence));
    }
}

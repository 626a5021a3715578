package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.time.Instant;
import java.util.Optional;

/** Port values for the use-case doubles to return. */
final class Fixtures {
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    static final OfferId OFFER_ID = new OfferId("offer-0001");
    static final String OWNER = "b3duZXItcHVibGljLWtleS0zMi1ieXRlcy1sb25nLi4";
    static final String CANDIDATE_JSON = "{\"candidate\":\"candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}";

    private Fixtures() {}

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

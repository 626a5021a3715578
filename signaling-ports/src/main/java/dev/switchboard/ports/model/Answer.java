package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;

/** The single accepted answer to an offer: who answered, with which SDP, and when. */
public record Answer(String answererKeyId, Sdp sdp, Instant answeredAt) {
    public Answer {
        Objects.requireNonNull(answererKeyId, "answererKeyId");
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}

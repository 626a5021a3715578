package dev.switchboard.ports.model;

import java.time.Instant;
import java.util.Objects;

/** An ICE candidate stored on an offer, with the side that sent it and its store-issued sequence. */
public record Candidate(long sequence, OfferId offerId, Role from, IceCandidate candidate, Instant addedAt) {
    public Candidate {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(addedAt, "addedAt");
        if (sequence <= 0) {
            throw new IllegalArgumentException("sequence must be positive");
        }
    }
}

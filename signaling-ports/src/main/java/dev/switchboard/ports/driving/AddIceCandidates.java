package dev.switchboard.ports.driving;

import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.OfferId;
import java.util.List;
import java.util.Objects;

/** Adds ICE candidates to an offer as the caller's role on it (owner or accepted answerer). */
public interface AddIceCandidates {

    List<Candidate> add(Identity caller, Request request);

    record Request(OfferId offerId, List<IceCandidate> candidates) implements BatchOperation {
        public Request {
            Objects.requireNonNull(offerId, "offerId");
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw SignalingException.invalid("candidates", "must contain at least one candidate");
            }
        }

        @Override
        public int work() {
            return candidates.size();
        }
    }
}

package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.OfferId;
import java.util.List;

/** The other side's candidates on an offer the caller participates in, after a sequence. */
public interface ListIceCandidates {
    List<Candidate> list(Identity caller, OfferId offerId, long afterSequence);
}

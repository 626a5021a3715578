package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Sdp;
import java.util.List;
import java.util.Objects;

/** Answers an offer; exactly one answer wins, later ones fail with {@code offer_already_answered}. */
public interface AnswerOffer {

    Result answer(Identity caller, Request request);

    record Request(OfferId offerId, Sdp sdp) implements BatchOperation {
        public Request {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(sdp, "sdp");
        }

        @Override
        public int work() {
            return 1;
        }
    }

    /** The answered offer and the candidates its owner had already sent, so none are missed. */
    record Result(Offer offer, List<Candidate> offererCandidates) {
        public Result {
            Objects.requireNonNull(offer, "offer");
            offererCandidates = List.copyOf(offererCandidates);
        }
    }
}

package dev.switchboard.domain.offers;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.OfferId;

/** The refusals of the offer use cases, each with its code and a message safe to show the caller. */
final class OfferErrors {

    private OfferErrors() {}

    static SignalingException notFound(OfferId id) {
        return new SignalingException(ErrorCode.OFFER_NOT_FOUND, "offer " + id + " does not exist");
    }

    static SignalingException expired(OfferId id) {
        return new SignalingException(ErrorCode.OFFER_EXPIRED, "offer " + id + " has expired");
    }

    static SignalingException alreadyAnswered(OfferId id) {
        return new SignalingException(ErrorCode.OFFER_ALREADY_ANSWERED, "offer " + id + " already has an answer");
    }

    static SignalingException ownOffer(OfferId id) {
        return new SignalingException(ErrorCode.CANNOT_ANSWER_OWN_OFFER, "offer " + id + " is your own");
    }

    static SignalingException notParticipant(OfferId id) {
        return new SignalingException(ErrorCode.NOT_A_PARTICIPANT,
                "only the owner and the accepted answerer of offer " + id + " may do this");
    }

    static SignalingException notOwner(OfferId id) {
        return new SignalingException(ErrorCode.NOT_OFFER_OWNER, "only the owner of offer " + id + " may do this");
    }

    static SignalingException candidateLimitReached(OfferId id, int maxPerSide) {
        return new SignalingException(ErrorCode.CANDIDATE_LIMIT_REACHED,
                "each side of offer " + id + " may add at most " + maxPerSide + " candidates");
    }
}

package dev.switchboard.ports.driving;

/** One operation of a batch: the request record of a state-changing use case. */
public sealed interface BatchOperation
        permits PublishOffers.Request, AnswerOffer.Request, AddIceCandidates.Request,
                DeleteOffer.Request, UpdateOfferTags.Request {

    /** The work it costs against the batch's budget: offers or candidates it carries, otherwise one. */
    int work();
}

package dev.switchboard.ports.driving;

import java.util.Objects;

/** Every driving port, as one value a transport can be given. */
public record SignalingUseCases(
        IssueCredential issueCredential,
        AuthenticateRequest authenticateRequest,
        PublishOffers publishOffers,
        DiscoverOffers discoverOffers,
        AnswerOffer answerOffer,
        AddIceCandidates addIceCandidates,
        ListIceCandidates listIceCandidates,
        PollEvents pollEvents,
        WatchEvents watchEvents,
        DeleteOffer deleteOffer,
        UpdateOfferTags updateOfferTags,
        ExecuteBatch executeBatch,
        ReportHealth reportHealth) {

    public SignalingUseCases {
        Objects.requireNonNull(issueCredential, "issueCredential");
        Objects.requireNonNull(authenticateRequest, "authenticateRequest");
        Objects.requireNonNull(publishOffers, "publishOffers");
        Objects.requireNonNull(discoverOffers, "discoverOffers");
        Objects.requireNonNull(answerOffer, "answerOffer");
        Objects.requireNonNull(addIceCandidates, "addIceCandidates");
        Objects.requireNonNull(listIceCandidates, "listIceCandidates");
        Objects.requireNonNull(pollEvents, "pollEvents");
        Objects.requireNonNull(watchEvents, "watchEvents");
        Objects.requireNonNull(deleteOffer, "deleteOffer");
        Objects.requireNonNull(updateOfferTags, "updateOfferTags");
        Objects.requireNonNull(executeBatch, "executeBatch");
        Objects.requireNonNull(reportHealth, "reportHealth");
    }
}

package dev.switchboard.domain.offers;

import dev.switchboard.domain.SignalingPolicy;
import dev.switchboard.domain.shared.MillisecondClock;
import dev.switchboard.ports.driven.Entropy;
import dev.switchboard.ports.driven.EventPublisher;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.DiscoverOffers;
import dev.switchboard.ports.driving.ExecuteBatch;
import dev.switchboard.ports.driving.ListIceCandidates;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.driving.WatchEvents;
import java.time.InstantSource;

/**
 * The offer, answer and ICE use cases built together over one offer store and event publisher. The
 * package's only public type, so that {@link dev.switchboard.domain.SignalingCore} can assemble them.
 */
public final class OfferUseCases {
    private final PublishOffers publishOffers;
    private final DiscoverOffers discoverOffers;
    private final AnswerOffer answerOffer;
    private final AddIceCandidates addIceCandidates;
    private final ListIceCandidates listIceCandidates;
    private final PollEvents pollEvents;
    private final WatchEvents watchEvents;
    private final DeleteOffer deleteOffer;
    private final UpdateOfferTags updateOfferTags;
    private final ExecuteBatch executeBatch;

    private OfferUseCases(
            OfferStore offers, EventPublisher events, InstantSource clock, Entropy entropy, SignalingPolicy policy) {
        OfferLookup lookup = new OfferLookup(offers);
        OfferLifetimes lifetimes = OfferLifetimes.of(policy);
        this.publishOffers = new PublishOffersService(
                offers, clock, new OfferIds(entropy), lifetimes, policy.maxOffersPerPublish());
        this.discoverOffers = new DiscoverOffersService(offers, lookup, clock, entropy, policy.maxPageSize());
        this.answerOffer = new AnswerOfferService(offers, lookup, events, clock, lifetimes);
        this.addIceCandidates =
                new AddIceCandidatesService(offers, lookup, events, clock, policy.maxCandidatesPerSide());
        this.listIceCandidates = new ListIceCandidatesService(offers, lookup, clock);
        this.pollEvents = new PollEventsService(offers, policy.maxPageSize());
        this.watchEvents = new WatchEventsService(events);
        this.deleteOffer = new DeleteOfferService(offers, lookup);
        this.updateOfferTags = new UpdateOfferTagsService(offers, lookup, clock);
        this.executeBatch = new ExecuteBatchService(publishOffers, answerOffer, addIceCandidates, deleteOffer,
                updateOfferTags, policy.maxBatchOperations(), policy.maxBatchWork());
    }

    /** Builds every offer use case; {@code clock} is read to the millisecond, the precision stores keep. */
    public static OfferUseCases create(
            OfferStore offers, EventPublisher events, InstantSource clock, Entropy entropy, SignalingPolicy policy) {
        return new OfferUseCases(offers, events, new MillisecondClock(clock), entropy, policy);
    }

    public PublishOffers publishOffers() {
        return publishOffers;
    }

    public DiscoverOffers discoverOffers() {
        return discoverOffers;
    }

    public AnswerOffer answerOffer() {
        return answerOffer;
    }

    public AddIceCandidates addIceCandidates() {
        return addIceCandidates;
    }

    public ListIceCandidates listIceCandidates() {
        return listIceCandidates;
    }

    public PollEvents pollEvents() {
        return pollEvents;
    }

    public WatchEvents watchEvents() {
        return watchEvents;
    }

    public DeleteOffer deleteOffer() {
        return deleteOffer;
    }

    public UpdateOfferTags updateOfferTags() {
        return updateOfferTags;
    }

    public ExecuteBatch executeBatch() {
        return executeBatch;
    }
}

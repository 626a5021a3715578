package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Routes the events of offers to the participants who must learn of them, into one inbox per recipient
 * keyed by sequence, so that reading a recipient's events never walks anyone else's. Writes must be
 * serialised by the caller; reads may run at any time.
 *
 * <p>An event is visible once the store's published sequence reaches the event's {@code visibleFrom}: its
 * own sequence, except for an owner's candidates sent before the answer, which the answerer sees with
 * their original sequences from the answer's sequence on, as a query joining candidates to the answer would.
 */
final class Inboxes {
    private final ConcurrentMap<String, ConcurrentSkipListMap<Long, Delivery>> byRecipient =
            new ConcurrentHashMap<>();

    /** The answer goes to the owner; the owner's candidates so far become the answerer's news with it. */
    void answered(StoredOffer answered) {
        OfferEvent.Answered answer = answered.answeredEvent().orElseThrow();
        deliver(answered.offer().ownerKeyId(), answer, answer.sequence());
        String answerer = answer.answer().answererKeyId();
        answered.fromOfferer().forEach(early ->
                deliver(answerer, new OfferEvent.CandidateAdded(early), answer.sequence()));
    }

    /** Candidates go to whoever plays the other side; the owner's have no recipient until someone answers. */
    void candidatesAdded(Offer offer, Role from, List<Candidate> added) {
        offer.keyIdOf(from.opposite()).ifPresent(recipient -> added.forEach(candidate ->
                deliver(recipient, new OfferEvent.CandidateAdded(candidate), candidate.sequence())));
    }

    /** Withdraws every event delivered for {@code removed}. */
    void offerRemoved(StoredOffer removed) {
        Offer offer = removed.offer();
        removed.answeredEvent().ifPresent(answer -> withdraw(offer.ownerKeyId(), answer.sequence()));
        for (Role side : Role.values()) {
            offer.keyIdOf(side.opposite()).ifPresent(recipient -> removed.candidatesFrom(side)
                    .forEach(candidate -> withdraw(recipient, candidate.sequence())));
        }
    }

    /**
     * Up to {@code limit} events of {@code recipient} after {@code afterSequence} that are visible at
     * {@code publishedSequence}, in sequence order. Every write up to that sequence has completed, so
     * nothing below the last event returned can still appear, pre-answer candidates aside.
     */
    List<OfferEvent> read(String recipient, long afterSequence, long publishedSequence, int limit) {
        ConcurrentSkipListMap<Long, Delivery> inbox = byRecipient.get(recipient);
        if (inbox == null || afterSequence >= publishedSequence) {
            return List.of();
        }
        List<OfferEvent> events = new ArrayList<>();
        for (Delivery delivery : inbox.subMap(afterSequence, false, publishedSequence, true).values()) {
            if (events.size() >= limit) {
                break;
            }
            if (delivery.visibleFrom() <= publishedSequence) {
                events.add(delivery.event());
            }
        }
        return events;
    }

    int recipients() {
        return byRecipient.size();
    }

    int deliveries() {
        return byRecipient.values().stream().mapToInt(ConcurrentSkipListMap::size).sum();
    }

    private void deliver(String recipient, OfferEvent event, long visibleFrom) {
        byRecipient.computeIfAbsent(recipient, r -> new ConcurrentSkipListMap<>())
                .put(event.sequence(), new Delivery(event, visibleFrom));
    }

    private void withdraw(String recipient, long sequence) {
        ConcurrentSkipListMap<Long, Delivery> inbox = byRecipient.get(recipient);
        if (inbox != null) {
            inbox.remove(sequence);
            if (inbox.isEmpty()) {
                // Safe only because writes are serialised: no delivery can slip in between.
                byRecipient.remove(recipient, inbox);
            }
        }
    }

    private record Delivery(OfferEvent event, long visibleFrom) {}
}

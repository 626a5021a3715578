package dev.switchboard.adapter.memory;

import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.model.Answer;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The offer aggregates in memory. Every write runs under one lock: it decides the races (one answer per
 * offer, the candidate limit) and hands out sequences in the order their events become visible, which a
 * finer scheme would have to reconstruct; each write is a handful of map operations. Reads take no lock:
 * offers are immutable snapshots, and events are read only up to the last sequence whose write completed.
 */
final class InMemoryOfferStore implements OfferStore {
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentMap<OfferId, StoredOffer> offers = new ConcurrentHashMap<>();
    private final DiscoveryIndex discovery = new DiscoveryIndex();
    private final Inboxes inboxes = new Inboxes();
    /** The last sequence handed out; guarded by {@link #writeLock}. */
    private long lastSequence;
    /** Every event up to this sequence is in the inboxes: written last by each write, read first by readers. */
    private volatile long publishedSequence;

    @Override
    public void saveAll(List<Offer> newOffers) {
        Set<OfferId> ids = new HashSet<>();
        newOffers.forEach(offer -> {
            if (!ids.add(offer.id())) {
                throw new IllegalArgumentException("offer " + offer.id() + " appears twice");
            }
        });
        List<StoredOffer> published = newOffers.stream().map(StoredOffer::published).toList();
        write(() -> {
            ids.stream().filter(offers::containsKey).findFirst().ifPresent(taken -> {
                throw new IllegalStateException("offer " + taken + " already exists");
            });
            published.forEach(stored -> {
                offers.put(stored.offer().id(), stored);
                discovery.put(stored.offer());
            });
            return null;
        });
    }

    @Override
    public Optional<Offer> find(OfferId id) {
        return Optional.ofNullable(offers.get(id)).map(StoredOffer::offer);
    }

    @Override
    public AnswerAttempt attachAnswerIfNone(OfferId id, Answer answer, Instant now, Instant retainUntil) {
        return write(() -> {
            StoredOffer current = offers.get(id);
            if (current == null || current.offer().isExpiredAt(now)) {
                return new AnswerAttempt.Gone();
            }
            if (current.offer().isAnswered()) {
                return new AnswerAttempt.AlreadyAnswered();
            }
            StoredOffer answered = current.answered(answer, retainUntil, ++lastSequence);
            offers.put(id, answered);
            discovery.remove(current.offer());
            inboxes.answered(answered);
            return new AnswerAttempt.Won(answered.offer());
        });
    }

    @Override
    public CandidateAppend appendCandidates(
            OfferId id, Role from, List<IceCandidate> candidates, Instant now, int maxPerSide) {
        return write(() -> {
            StoredOffer current = offers.get(id);
            if (current == null || current.offer().isExpiredAt(now)) {
                return new CandidateAppend.Gone();
            }
            if (current.candidatesFrom(from).size() + candidates.size() > maxPerSide) {
                return new CandidateAppend.LimitReached();
            }
            List<Candidate> added = new ArrayList<>(candidates.size());
            for (IceCandidate candidate : candidates) {
                added.add(new Candidate(++lastSequence, id, from, candidate, now));
            }
            offers.put(id, current.withCandidates(from, added));
            inboxes.candidatesAdded(current.offer(), from, added);
            return new CandidateAppend.Appended(added);
        });
    }

    @Override
    public List<Candidate> candidates(OfferId id, Role from, long afterSequence) {
        StoredOffer stored = offers.get(id);
        if (stored == null) {
            return List.of();
        }
        return stored.candidatesFrom(from).stream().filter(c -> c.sequence() > afterSequence).toList();
    }

    @Override
    public List<OfferEvent> eventsFor(String recipientKeyId, long afterSequence, int limit) {
        return inboxes.read(recipientKeyId, afterSequence, publishedSequence, limit);
    }

    @Override
    public long countAvailable(OfferQuery query, Instant now) {
        return discovery.available(query, now, Optional.empty()).count();
    }

    @Override
    public List<Offer> listAvailable(OfferQuery query, Instant now, Optional<OfferCursor> after, int limit) {
        return discovery.available(query, now, after).limit(limit).toList();
    }

    @Override
    public Optional<Offer> availableAt(OfferQuery query, Instant now, long index) {
        return discovery.available(query, now, Optional.empty()).skip(index).findFirst();
    }

    @Override
    public Optional<Offer> replaceTags(OfferId id, Tags tags) {
        return write(() -> {
            StoredOffer current = offers.get(id);
            if (current == null) {
                return Optional.empty();
            }
            StoredOffer retagged = current.withTags(tags);
            offers.put(id, retagged);
            if (!retagged.offer().isAnswered()) {
                discovery.put(retagged.offer());
            }
            return Optional.of(retagged.offer());
        });
    }

    @Override
    public boolean delete(OfferId id) {
        return removeIf(id, offer -> true);
    }

    /** Takes the lock once per expired offer, so that a large sweep never stalls writers for long. */
    @Override
    public int deleteExpired(Instant now) {
        int deleted = 0;
        for (StoredOffer stored : offers.values()) {
            if (stored.offer().isExpiredAt(now) && removeIf(stored.offer().id(), offer -> offer.isExpiredAt(now))) {
                deleted++;
            }
        }
        return deleted;
    }

    /** How many offers are not expired at {@code now}, answered or not; walks every offer. */
    long countLive(Instant now) {
        return offers.values().stream().filter(stored -> !stored.offer().isExpiredAt(now)).count();
    }

    /** What the store holds, index entries included; for tests that prove nothing outlives its offer. */
    Footprint footprint() {
        return new Footprint(offers.size(), discovery.size(), inboxes.recipients(), inboxes.deliveries());
    }

    /** Removes the offer if it still meets {@code condition}, with its answer, candidates and index entries. */
    private boolean removeIf(OfferId id, Predicate<Offer> condition) {
        return write(() -> {
            StoredOffer current = offers.get(id);
            if (current == null || !condition.test(current.offer())) {
                return false;
            }
            offers.remove(id);
            discovery.remove(current.offer());
            inboxes.offerRemoved(current);
            return true;
        });
    }

    /** Runs {@code change} under the write lock, then publishes every sequence it handed out. */
    private <T> T write(Supplier<T> change) {
        writeLock.lock();
        try {
            T result = change.get();
            publishedSequence = lastSequence;
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /** Counts of what the store holds: offers, discoverable offers, inboxes and the events in them. */
    record Footprint(int offers, int discoverable, int inboxes, int events) {
        static final Footprint EMPTY = new Footprint(0, 0, 0, 0);
    }
}

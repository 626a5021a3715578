package dev.switchboard.adapter.memory;

import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.ServiceName;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Unanswered offers in discovery order, across all services and per service, so that a query walks only
 * offers of its service, starting at its cursor. Expired offers stay until swept and are skipped on read.
 * Writes must be serialised by the caller; reads may run at any time.
 */
final class DiscoveryIndex {
    /** {@link OfferCursor#DISCOVERY_ORDER}, on positions rather than offers. */
    private static final Comparator<OfferCursor> ORDER =
            Comparator.comparing(OfferCursor::createdAt).thenComparing(cursor -> cursor.offerId().value());

    private final ConcurrentSkipListMap<OfferCursor, Offer> all = new ConcurrentSkipListMap<>(ORDER);
    private final ConcurrentMap<ServiceName, ConcurrentSkipListMap<OfferCursor, Offer>> byService =
            new ConcurrentHashMap<>();

    /** Adds an offer, or replaces it with a newer version of itself. */
    void put(Offer offer) {
        OfferCursor position = OfferCursor.after(offer);
        all.put(position, offer);
        byService.computeIfAbsent(offer.service(), s -> new ConcurrentSkipListMap<>(ORDER)).put(position, offer);
    }

    void remove(Offer offer) {
        OfferCursor position = OfferCursor.after(offer);
        all.remove(position);
        ConcurrentSkipListMap<OfferCursor, Offer> ofService = byService.get(offer.service());
        if (ofService != null) {
            ofService.remove(position);
            if (ofService.isEmpty()) {
                byService.remove(offer.service(), ofService);
            }
        }
    }

    /** Available offers matching {@code query} strictly after {@code after}, lazily, in discovery order. */
    Stream<Offer> available(OfferQuery query, Instant now, Optional<OfferCursor> after) {
        NavigableMap<OfferCursor, Offer> scope = scopeOf(query);
        if (after.isPresent()) {
            scope = scope.tailMap(after.get(), false);
        }
        return scope.values().stream().filter(offer -> offer.isAvailableAt(now) && query.matches(offer));
    }

    private NavigableMap<OfferCursor, Offer> scopeOf(OfferQuery query) {
        if (query.service().isEmpty()) {
            return all;
        }
        NavigableMap<OfferCursor, Offer> ofService = byService.get(query.service().get());
        return ofService == null ? Collections.emptyNavigableMap() : ofService;
    }

    int size() {
        return all.size();
    }
}

package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.TTL;
import static dev.switchboard.ports.testing.OfferFixtures.anOffer;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static dev.switchboard.ports.testing.OfferFixtures.randomOfferId;
import static dev.switchboard.ports.testing.OfferFixtures.randomService;
import static dev.switchboard.ports.testing.OfferFixtures.randomTag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import dev.switchboard.ports.testing.OfferFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Discovery: counting, paging and indexing available offers in discovery order, with every filter. */
abstract class DiscoveryRules extends OfferStoreRules {
    private final ServiceName service = randomService();
    private final OfferQuery inService = new OfferQuery(Optional.of(service), Tags.none(), Optional.empty());

    @Test
    void pagesThroughEveryAvailableOfferInDiscoveryOrder() {
        List<Offer> offers = new ArrayList<>();
        offers.add(inService().createdAt(NOW.minusSeconds(30)).build());
        // One creation instant for several, so that the id decides; the prefixes span the id alphabet's order.
        for (String prefix : List.of("a", "_", "A", "0", "-")) {
            offers.add(inService().id(randomOfferId(prefix)).createdAt(NOW.minusSeconds(20)).build());
        }
        offers.add(inService().createdAt(NOW.minusSeconds(10)).build());
        Collections.shuffle(offers);
        store.saveAll(offers);

        List<Offer> paged = new ArrayList<>();
        Optional<OfferCursor> cursor = Optional.empty();
        for (int pages = 0; pages < 10; pages++) {
            List<Offer> page = store.listAvailable(inService, NOW, cursor, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(page);
            cursor = Optional.of(OfferCursor.after(page.get(page.size() - 1)));
        }

        assertThat(paged).containsExactlyElementsOf(offers.stream().sorted(OfferCursor.DISCOVERY_ORDER).toList());
    }

    @Test
    void continuesAfterACursorWhoseOfferIsGone() {
        List<Offer> offers = IntStream.range(0, 4)
                .mapToObj(i -> save(inService().createdAt(NOW.minusSeconds(10 - i)))).toList();
        OfferCursor cursor = OfferCursor.after(offers.get(1));
        store.delete(offers.get(1).id());
        answer(offers.get(2), randomKeyId());

        assertThat(store.listAvailable(inService, NOW, Optional.of(cursor), 10)).containsExactly(offers.get(3));
    }

    @Test
    void neverOffersExpiredOrAnsweredOffers() {
        Offer available = save(inService());
        save(inService().createdAt(NOW.minus(TTL)).expiresAt(NOW));
        answer(save(inService()), randomKeyId());

        assertThat(store.countAvailable(inService, NOW)).isEqualTo(1);
        assertThat(store.listAvailable(inService, NOW, Optional.empty(), 10)).containsExactly(available);
    }

    @Test
    void stopsOfferingAnOfferOnceItExpires() {
        Offer offer = save(inService());

        assertThat(store.countAvailable(inService, offer.expiresAt().minusMillis(1))).isEqualTo(1);
        assertThat(store.countAvailable(inService, offer.expiresAt())).isZero();
        assertThat(store.listAvailable(inService, offer.expiresAt(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void findsOnlyTheOffersOfTheAskedService() {
        String tag = randomTag();
        Offer wanted = save(inService().tags(tag));
        Offer elsewhere = save(anOffer().tags(tag));

        assertThat(store.listAvailable(inService, NOW, Optional.empty(), 10)).containsExactly(wanted);
        assertThat(store.listAvailable(withTags(Optional.empty(), tag), NOW, Optional.empty(), 10))
                .containsExactlyInAnyOrder(wanted, elsewhere);
    }

    @Test
    void findsOnlyOffersCarryingEveryRequiredTag() {
        String a = randomTag();
        String b = randomTag();
        Offer both = save(inService().tags(b, a));
        Offer onlyA = save(inService().tags(a));
        save(inService().tags(b));

        assertThat(store.countAvailable(withTags(Optional.of(service), a), NOW)).isEqualTo(2);
        assertThat(store.listAvailable(withTags(Optional.of(service), a), NOW, Optional.empty(), 10))
                .containsExactlyInAnyOrder(both, onlyA);
        assertThat(store.listAvailable(withTags(Optional.of(service), a, b), NOW, Optional.empty(), 10))
                .containsExactly(both);
    }

    @Test
    void leavesOutTheOffersOfTheExcludedOwner() {
        String caller = randomKeyId();
        save(inService().ownedBy(caller));
        Offer others = save(inService());
        OfferQuery notMine = new OfferQuery(Optional.of(service), Tags.none(), Optional.of(caller));

        assertThat(store.countAvailable(notMine, NOW)).isEqualTo(1);
        assertThat(store.listAvailable(notMine, NOW, Optional.empty(), 10)).containsExactly(others);
    }

    @Test
    void findsOffersUnderTheirReplacedTags() {
        String before = randomTag();
        String after = randomTag();
        Offer offer = save(inService().tags(before));

        store.replaceTags(offer.id(), Tags.of(after));

        assertThat(store.countAvailable(withTags(Optional.of(service), before), NOW)).isZero();
        assertThat(store.listAvailable(withTags(Optional.of(service), after), NOW, Optional.empty(), 10))
                .containsExactly(offer.withTags(Tags.of(after)));
    }

    @Test
    void findsTheAvailableOfferAtEachIndexInDiscoveryOrder() {
        List<Offer> available = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            available.add(save(inService().createdAt(NOW.minusSeconds(20 - 2 * i))));
            answer(save(inService().createdAt(NOW.minusSeconds(19 - 2 * i))), randomKeyId());
        }
        save(inService().createdAt(NOW.minusSeconds(30)).expiresAt(NOW));

        for (int index = 0; index < available.size(); index++) {
            assertThat(store.availableAt(inService, NOW, index)).contains(available.get(index));
        }
        assertThat(store.availableAt(inService, NOW, available.size())).isEmpty();
    }

    @Test
    void countsAvailableMatchingOffers() {
        IntStream.range(0, 5).forEach(i -> save(inService()));

        assertThat(store.countAvailable(inService, NOW)).isEqualTo(5);
        assertThat(store.countAvailable(withTags(Optional.of(randomService()), randomTag()), NOW)).isZero();
    }

    private OfferFixtures.Builder inService() {
        return anOffer().service(service);
    }

    private static OfferQuery withTags(Optional<ServiceName> service, String... tags) {
        return new OfferQuery(service, Tags.of(tags), Optional.empty());
    }
}

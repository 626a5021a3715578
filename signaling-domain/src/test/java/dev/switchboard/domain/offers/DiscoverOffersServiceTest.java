package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static dev.switchboard.domain.TestCore.CHAT;
import static dev.switchboard.domain.TestCore.OFFER_SDP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.switchboard.domain.PredictableEntropy;
import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driven.OfferStore;
import dev.switchboard.ports.driving.DiscoverOffers;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferPage;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DiscoverOffersServiceTest {
    private final TestCore core = new TestCore();
    private final DiscoverOffers discover = core.useCases().discoverOffers();

    private static OfferQuery excluding(String ownerKeyId) {
        return new OfferQuery(Optional.empty(), Tags.none(), Optional.of(ownerKeyId));
    }

    /** Every offer reachable by following cursors from the first page. */
    private List<Offer> allPages(OfferQuery query, int limit) {
        List<Offer> seen = new ArrayList<>();
        Optional<OfferCursor> cursor = Optional.empty();
        do {
            OfferPage page = discover.list(query, cursor, limit);
            assertThat(page.offers()).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(page.offers());
            cursor = page.next();
        } while (cursor.isPresent());
        return seen;
    }

    @Nested
    class WhenOffersExpire {
        @Test
        void theyVanishFromEveryDiscoveryAtTheirExpiry() {
            core.publish(ALICE, Duration.ofSeconds(30));
            Offer lasting = core.publish(ALICE, Duration.ofMinutes(10));

            core.clock.advance(Duration.ofSeconds(30));

            assertThat(discover.count(OfferQuery.everything())).isEqualTo(1);
            assertThat(discover.list(OfferQuery.everything(), Optional.empty(), 10).offers()).containsExactly(lasting);
            assertThat(discover.pickRandom(OfferQuery.everything())).contains(lasting);
        }

        @Test
        void fetchingOneByIdSaysItExpired() {
            Offer offer = core.publish(ALICE, Duration.ofSeconds(30));
            core.clock.advance(Duration.ofSeconds(31));

            assertRefused(ErrorCode.OFFER_EXPIRED, () -> discover.get(offer.id()));
        }
    }

    @Nested
    class WhenFetchingOneById {
        @Test
        void returnsAnAnsweredOfferToo() {
            Offer offer = core.publish(ALICE);
            core.answer(BOB, offer);

            assertThat(discover.get(offer.id()).answer()).hasValueSatisfying(
                    answer -> assertThat(answer.answererKeyId()).isEqualTo(BOB.keyId()));
        }

        @Test
        void saysAnUnknownOfferIsNotFound() {
            assertRefused(ErrorCode.OFFER_NOT_FOUND, () -> discover.get(new OfferId("AAAAAAAAAAAAAAAAAAAAAA")));
        }
    }

    @Nested
    class WhenAnOfferIsAnswered {
        @Test
        void itIsNoLongerDiscoverable() {
            Offer answered = core.publish(ALICE);
            Offer open = core.publish(ALICE);
            core.answer(BOB, answered);

            assertThat(discover.count(OfferQuery.everything())).isEqualTo(1);
            assertThat(discover.list(OfferQuery.everything(), Optional.empty(), 10).offers()).containsExactly(open);
        }
    }

    @Nested
    class WhenPaging {
        private final List<Offer> published = new ArrayList<>();

        WhenPaging() {
            // Two offers per instant, so that pages also split ties on creation time.
            for (int i = 0; i < 4; i++) {
                published.addAll(core.useCases().publishOffers().publish(BOB,
                        new PublishOffers.Request(CHAT, Tags.none(), List.of(OFFER_SDP, OFFER_SDP), Optional.empty())));
                core.clock.advance(Duration.ofMillis(1));
            }
            published.sort(OfferCursor.DISCOVERY_ORDER);
        }

        @Test
        void visitsEveryOfferOnceInDiscoveryOrder() {
            assertThat(allPages(OfferQuery.everything(), 3)).containsExactlyElementsOf(published);
        }

        @Test
        void offersNoNextCursorAfterAFullLastPage() {
            OfferPage first = discover.list(OfferQuery.everything(), Optional.empty(), 4);
            OfferPage last = discover.list(OfferQuery.everything(), first.next(), 4);

            assertThat(first.next()).isPresent();
            assertThat(last.offers()).hasSize(4);
            assertThat(last.next()).isEmpty();
        }

        @Test
        void neitherRepeatsNorSkipsWhenEarlierOffersAreAnsweredBetweenPages() {
            OfferPage first = discover.list(OfferQuery.everything(), Optional.empty(), 3);
            first.offers().forEach(offer -> core.answer(CAROL, offer));

            List<Offer> rest = new ArrayList<>();
            Optional<OfferCursor> cursor = first.next();
            while (cursor.isPresent()) {
                OfferPage page = discover.list(OfferQuery.everything(), cursor, 3);
                rest.addAll(page.offers());
                cursor = page.next();
            }

            assertThat(rest).containsExactlyElementsOf(published.subList(3, published.size()));
        }

        @Test
        void leavesOutTheCallersOwnOffersWhenAsked() {
            Offer alices = core.publish(ALICE);

            assertThat(allPages(excluding(ALICE.keyId()), 3)).containsExactlyElementsOf(published);
            assertThat(allPages(excluding(BOB.keyId()), 3)).containsExactly(alices);
        }

        @Test
        void rejectsALimitOutsideOneToTheMaximumPageSize() {
            int tooLarge = core.policy.maxPageSize() + 1;

            assertRefused(ErrorCode.VALIDATION_FAILED,
                    () -> discover.list(OfferQuery.everything(), Optional.empty(), 0));
            assertRefused(ErrorCode.VALIDATION_FAILED,
                    () -> discover.list(OfferQuery.everything(), Optional.empty(), tooLarge));
        }
    }

    @Nested
    class WhenFiltering {
        @Test
        void countsOnlyOffersOfTheServiceCarryingEveryRequiredTag() {
            core.publish(ALICE, Tags.of("eu", "video"));
            core.publish(ALICE, Tags.of("eu"));
            core.useCases().publishOffers().publish(ALICE, new PublishOffers.Request(
                    new ServiceName("game:2"), Tags.of("eu", "video"), List.of(OFFER_SDP), Optional.empty()));

            OfferQuery euVideoChat = new OfferQuery(Optional.of(CHAT), Tags.of("video", "eu"), Optional.empty());

            assertThat(discover.count(euVideoChat)).isEqualTo(1);
            assertThat(discover.count(new OfferQuery(Optional.empty(), Tags.of("eu"), Optional.empty())))
                    .isEqualTo(3);
        }
    }

    @Nested
    class WhenPickingAtRandom {
        @Test
        void findsNothingWhenNoOfferIsAvailable() {
            core.publish(ALICE);

            assertThat(discover.pickRandom(excluding(ALICE.keyId()))).isEmpty();
        }

        @Test
        void reachesEveryAvailableOfferButNeverAnExcludedOne() {
            core.useCases().publishOffers().publish(BOB, new PublishOffers.Request(
                    CHAT, Tags.none(), Collections.nCopies(3, OFFER_SDP), Optional.empty()));
            core.publish(ALICE);

            Set<String> picked = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                picked.add(discover.pickRandom(excluding(ALICE.keyId())).orElseThrow().id().value());
            }

            assertThat(picked).hasSize(3);
            assertThat(discover.list(excluding(ALICE.keyId()), Optional.empty(), 10).offers())
                    .extracting(offer -> offer.id().value())
                    .containsExactlyInAnyOrderElementsOf(picked);
        }
    }

    @Nested
    class WhenThePickedOfferIsTakenBeforeItIsRead {
        private final OfferStore store = mock(OfferStore.class);
        private final DiscoverOffers racing = new DiscoverOffersService(
                store, new OfferLookup(store), core.clock, new PredictableEntropy(), core.policy.maxPageSize());
        private final Offer survivor = new Offer(new OfferId("survivor-offer"), BOB.keyId(), CHAT, Tags.none(),
                OFFER_SDP, core.clock.instant(), core.clock.instant().plusSeconds(60), Optional.empty());

        @Test
        void drawsAgainFromTheSmallerPool() {
            when(store.countAvailable(any(), any())).thenReturn(2L, 1L);
            when(store.availableAt(any(), any(), anyLong()))
                    .thenReturn(Optional.empty())
                    .thenReturn(Optional.of(survivor));

            assertThat(racing.pickRandom(OfferQuery.everything())).contains(survivor);
            verify(store, times(2)).countAvailable(any(), any());
        }

        @Test
        void fallsBackToTheFirstAvailableOfferWhenEveryDrawMisses() {
            when(store.countAvailable(any(), any())).thenReturn(5L);
            when(store.availableAt(any(), any(), anyLong())).thenReturn(Optional.empty());
            when(store.listAvailable(any(), any(), eq(Optional.empty()), eq(1))).thenReturn(List.of(survivor));

            assertThat(racing.pickRandom(OfferQuery.everything())).contains(survivor);
        }
    }
}

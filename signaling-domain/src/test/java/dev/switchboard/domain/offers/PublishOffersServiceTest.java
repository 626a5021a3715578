package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.CHAT;
import static dev.switchboard.domain.TestCore.OFFER_SDP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PublishOffersServiceTest {
    private final TestCore core = new TestCore();
    private final PublishOffers publishOffers = core.useCases().publishOffers();

    private List<Offer> publish(List<Sdp> sdps, Optional<Duration> ttl) {
        return publishOffers.publish(ALICE, new PublishOffers.Request(CHAT, Tags.of("eu"), sdps, ttl));
    }

    private Offer publishOne(Optional<Duration> ttl) {
        return publish(List.of(OFFER_SDP), ttl).get(0);
    }

    private Duration lifeOf(Offer offer) {
        return Duration.between(offer.createdAt(), offer.expiresAt());
    }

    @Nested
    class WhenTheRequestIsValid {
        @Test
        void storesEveryOfferOwnedByTheCaller() {
            List<Offer> published = publish(List.of(OFFER_SDP, new Sdp("v=0 second")), Optional.empty());

            assertThat(published).hasSize(2).allSatisfy(offer -> {
                assertThat(offer.ownerKeyId()).isEqualTo(ALICE.keyId());
                assertThat(offer.service()).isEqualTo(CHAT);
                assertThat(offer.tags()).isEqualTo(Tags.of("eu"));
                assertThat(offer.isAnswered()).isFalse();
                assertThat(core.storage.offers().find(offer.id())).contains(offer);
            });
        }

        @Test
        void givesEachOfferAFreshUnpaddedBase64UrlIdOf128Bits() {
            List<Offer> published = publish(List.of(OFFER_SDP, OFFER_SDP, OFFER_SDP), Optional.empty());

            assertThat(published).extracting(offer -> offer.id().value())
                    .doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{22}"));
        }

        @Test
        void keepsTimestampsToTheMillisecondSoEveryStoreReadsThemBackUnchanged() {
            core.clock.set(Instant.parse("2026-01-02T03:04:05.123456789Z"));

            Offer offer = publishOne(Optional.of(Duration.ofSeconds(30)));

            assertThat(offer.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123Z"));
            assertThat(offer.expiresAt()).isEqualTo(Instant.parse("2026-01-02T03:04:35.123Z"));
        }
    }

    @Nested
    class WhenChoosingTheLifetime {
        @Test
        void usesTheDefaultTtlWhenNoneIsGiven() {
            assertThat(lifeOf(publishOne(Optional.empty()))).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void keepsATtlWithinTheBounds() {
            assertThat(lifeOf(publishOne(Optional.of(Duration.ofSeconds(42)))))
                    .isEqualTo(Duration.ofSeconds(42));
        }

        @Test
        void raisesATtlBelowTheMinimumToTheMinimum() {
            assertThat(lifeOf(publishOne(Optional.of(Duration.ofSeconds(1)))))
                    .isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void lowersATtlAboveTheMaximumToTheMaximum() {
            assertThat(lifeOf(publishOne(Optional.of(Duration.ofDays(2)))))
                    .isEqualTo(Duration.ofHours(1));
        }

        @Test
        void roundsAFractionOfAMillisecondUpSoTheOfferNeverDiesEarly() {
            Offer offer = publishOne(Optional.of(Duration.ofSeconds(42).plusNanos(1)));

            assertThat(lifeOf(offer)).isEqualTo(Duration.ofSeconds(42).plusMillis(1));
        }

        @Test
        void rejectsAZeroTtl() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> publish(List.of(OFFER_SDP), Optional.of(Duration.ZERO)));
        }

        @Test
        void rejectsANegativeTtl() {
            assertRefused(ErrorCode.VALIDATION_FAILED,
                    () -> publish(List.of(OFFER_SDP), Optional.of(Duration.ofSeconds(-5))));
        }
    }

    @Nested
    class WhenTheRequestCarriesTooManyOffers {
        @Test
        void refusesTheWholeRequestAndStoresNothing() {
            List<Sdp> tooMany = Collections.nCopies(core.policy.maxOffersPerPublish() + 1, OFFER_SDP);

            assertRefused(ErrorCode.VALIDATION_FAILED, () -> publish(tooMany, Optional.empty()));
            assertThat(core.useCases().discoverOffers().count(OfferQuery.everything())).isZero();
        }

        @Test
        void acceptsExactlyTheMaximum() {
            List<Sdp> maximum = Collections.nCopies(core.policy.maxOffersPerPublish(), OFFER_SDP);

            assertThat(publish(maximum, Optional.empty())).hasSize(core.policy.maxOffersPerPublish());
        }
    }
}

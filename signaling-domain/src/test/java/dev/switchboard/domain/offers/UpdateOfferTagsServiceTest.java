package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UpdateOfferTagsServiceTest {
    private final TestCore core = new TestCore();
    private final UpdateOfferTags updateTags = core.useCases().updateOfferTags();
    private final Offer offer = core.publish(ALICE, Tags.of("eu"), Optional.of(Duration.ofSeconds(30)));

    private static OfferQuery tagged(String tag) {
        return new OfferQuery(Optional.empty(), Tags.of(tag), Optional.empty());
    }

    @Nested
    class WhenTheOwnerUpdates {
        @Test
        void replacesTheTagsDiscoveryMatches() {
            Offer updated = updateTags.update(ALICE, new UpdateOfferTags.Request(offer.id(), Tags.of("us", "video")));

            assertThat(updated).isEqualTo(offer.withTags(Tags.of("us", "video")));
            assertThat(core.useCases().discoverOffers().count(tagged("video"))).isEqualTo(1);
            assertThat(core.useCases().discoverOffers().count(tagged("eu"))).isZero();
        }

        @Test
        void saysAnExpiredOfferExpired() {
            core.clock.advance(Duration.ofSeconds(30));

            assertRefused(ErrorCode.OFFER_EXPIRED,
                    () -> updateTags.update(ALICE, new UpdateOfferTags.Request(offer.id(), Tags.none())));
        }
    }

    @Nested
    class WhenSomeoneElseUpdates {
        @Test
        void refusesAndKeepsTheTags() {
            assertRefused(ErrorCode.NOT_OFFER_OWNER,
                    () -> updateTags.update(BOB, new UpdateOfferTags.Request(offer.id(), Tags.of("spam"))));
            assertThat(core.useCases().discoverOffers().get(offer.id()).tags()).isEqualTo(Tags.of("eu"));
        }
    }

    @Nested
    class WhenTheOfferDoesNotExist {
        @Test
        void saysItIsNotFound() {
            assertRefused(ErrorCode.OFFER_NOT_FOUND, () -> updateTags.update(ALICE,
                    new UpdateOfferTags.Request(new OfferId("unknown-offer-id"), Tags.none())));
        }
    }
}

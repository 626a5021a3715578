package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeleteOfferServiceTest {
    private final TestCore core = new TestCore();
    private final DeleteOffer deleteOffer = core.useCases().deleteOffer();
    private final Offer offer = core.publish(ALICE, Duration.ofSeconds(30));

    private static DeleteOffer.Request deleting(Offer offer) {
        return new DeleteOffer.Request(offer.id());
    }

    @Nested
    class WhenTheOwnerDeletes {
        @Test
        void removesTheOfferWithItsAnswerAndCandidates() {
            core.answer(BOB, offer);
            core.addCandidates(BOB, offer, "host");

            deleteOffer.delete(ALICE, deleting(offer));

            assertRefused(ErrorCode.OFFER_NOT_FOUND, () -> core.useCases().discoverOffers().get(offer.id()));
            assertThat(core.storage.offers().candidates(offer.id(), Role.ANSWERER, 0)).isEmpty();
        }

        @Test
        void mayStillDeleteAnExpiredOffer() {
            core.clock.advance(Duration.ofMinutes(1));

            deleteOffer.delete(ALICE, deleting(offer));

            assertThat(core.storage.offers().find(offer.id())).isEmpty();
        }

        @Test
        void saysADeletedOfferIsNotFoundTheSecondTime() {
            deleteOffer.delete(ALICE, deleting(offer));

            assertRefused(ErrorCode.OFFER_NOT_FOUND, () -> deleteOffer.delete(ALICE, deleting(offer)));
        }
    }

    @Nested
    class WhenSomeoneElseDeletes {
        @Test
        void refusesAndKeepsTheOffer() {
            assertRefused(ErrorCode.NOT_OFFER_OWNER, () -> deleteOffer.delete(BOB, deleting(offer)));
            assertThat(core.useCases().discoverOffers().get(offer.id())).isEqualTo(offer);
        }

        @Test
        void refusesEvenTheAcceptedAnswerer() {
            core.answer(BOB, offer);

            assertRefused(ErrorCode.NOT_OFFER_OWNER, () -> deleteOffer.delete(BOB, deleting(offer)));
        }
    }

    @Nested
    class WhenTheOfferDoesNotExist {
        @Test
        void saysItIsNotFound() {
            assertRefused(ErrorCode.OFFER_NOT_FOUND,
                    () -> deleteOffer.delete(ALICE, new DeleteOffer.Request(new OfferId("unknown-offer-id"))));
        }
    }
}

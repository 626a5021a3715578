package dev.switchboard.domain.offers;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.ANSWER_SDP;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CHAT;
import static dev.switchboard.domain.TestCore.OFFER_SDP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.BatchOperation;
import dev.switchboard.ports.driving.BatchOutcome;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.ExecuteBatch;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExecuteBatchServiceTest {
    private final TestCore core = new TestCore();
    private final ExecuteBatch batch = core.useCases().executeBatch();
    private final Offer bobs = core.publish(BOB);

    private static PublishOffers.Request publishing(int offers) {
        return new PublishOffers.Request(CHAT, Tags.none(), Collections.nCopies(offers, OFFER_SDP), Optional.empty());
    }

    private AnswerOffer.Request answeringBobs() {
        return new AnswerOffer.Request(bobs.id(), ANSWER_SDP);
    }

    /** Nothing of a refused batch ran: Bob's offer is still the only one, and still open. */
    private void assertNothingRan() {
        assertThat(core.useCases().discoverOffers().count(OfferQuery.everything())).isEqualTo(1);
        assertThat(core.useCases().discoverOffers().get(bobs.id()).isAnswered()).isFalse();
    }

    @Nested
    class WhenTheBatchIsTooLarge {
        @Test
        void refusesTooManyOperationsBeforeRunningAny() {
            List<BatchOperation> operations = new ArrayList<>();
            operations.add(answeringBobs());
            operations.addAll(Collections.nCopies(core.policy.maxBatchOperations(), publishing(1)));

            assertRefused(ErrorCode.BATCH_TOO_LARGE, () -> batch.execute(ALICE, operations));
            assertNothingRan();
        }

        @Test
        void refusesTooMuchWorkBeforeRunningAny() {
            int perPublish = core.policy.maxOffersPerPublish();
            List<BatchOperation> operations = new ArrayList<>();
            operations.add(answeringBobs());
            operations.addAll(Collections.nCopies(core.policy.maxBatchWork() / perPublish, publishing(perPublish)));

            assertRefused(ErrorCode.BATCH_TOO_LARGE, () -> batch.execute(ALICE, operations));
            assertNothingRan();
        }

        @Test
        void runsABatchThatFillsTheBudgetExactly() {
            int perPublish = core.policy.maxOffersPerPublish();
            List<BatchOperation> operations =
                    Collections.nCopies(core.policy.maxBatchWork() / perPublish, publishing(perPublish));

            assertThat(batch.execute(ALICE, operations)).hasSize(operations.size())
                    .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(BatchOutcome.Succeeded.class));
            assertThat(core.useCases().discoverOffers().count(OfferQuery.everything()))
                    .isEqualTo(1 + core.policy.maxBatchWork());
        }
    }

    @Nested
    class WhenTheBatchIsEmpty {
        @Test
        void rejectsIt() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> batch.execute(ALICE, List.of()));
        }
    }

    @Nested
    class WhenSomeOperationsFail {
        private final Offer alices = core.publish(ALICE);
        private final List<BatchOperation> operations = List.of(
                publishing(1),
                answeringBobs(),
                answeringBobs(),
                new AddIceCandidates.Request(bobs.id(), List.of(TestCore.candidate("host"))),
                new UpdateOfferTags.Request(bobs.id(), Tags.of("mine")),
                new PublishOffers.Request(CHAT, Tags.none(), List.of(OFFER_SDP), Optional.of(Duration.ZERO)),
                new DeleteOffer.Request(new OfferId("unknown-offer-id")),
                new DeleteOffer.Request(alices.id()));

        @Test
        void reportsEveryOutcomeInOrder() {
            List<BatchOutcome> outcomes = batch.execute(ALICE, operations);

            assertThat(outcomes).hasSize(operations.size());
            for (int i = 0; i < outcomes.size(); i++) {
                assertThat(operationOf(outcomes.get(i))).isSameAs(operations.get(i));
            }
            assertThat(outcomes.get(0)).isInstanceOf(BatchOutcome.Succeeded.class);
            assertThat(outcomes.get(1)).isInstanceOf(BatchOutcome.Succeeded.class);
            assertThat(failureCode(outcomes.get(2))).isEqualTo(ErrorCode.OFFER_ALREADY_ANSWERED);
            assertThat(outcomes.get(3)).isInstanceOf(BatchOutcome.Succeeded.class);
            assertThat(failureCode(outcomes.get(4))).isEqualTo(ErrorCode.NOT_OFFER_OWNER);
            assertThat(failureCode(outcomes.get(5))).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(failureCode(outcomes.get(6))).isEqualTo(ErrorCode.OFFER_NOT_FOUND);
            assertThat(outcomes.get(7)).isEqualTo(new BatchOutcome.Succeeded(operations.get(7), null));
        }

        @Test
        void returnsWhatEachUseCaseReturned() {
            List<BatchOutcome> outcomes = batch.execute(ALICE, operations);

            assertThat(resultOf(outcomes.get(0))).asInstanceOf(LIST).singleElement()
                    .isInstanceOfSatisfying(Offer.class,
                            offer -> assertThat(offer.ownerKeyId()).isEqualTo(ALICE.keyId()));
            assertThat(resultOf(outcomes.get(1))).isInstanceOfSatisfying(AnswerOffer.Result.class,
                    result -> assertThat(result.offer().roleOf(ALICE.keyId())).contains(Role.ANSWERER));
            assertThat(resultOf(outcomes.get(3))).asInstanceOf(LIST).singleElement()
                    .isInstanceOfSatisfying(Candidate.class,
                            candidate -> assertThat(candidate.from()).isEqualTo(Role.ANSWERER));
        }

        @Test
        void keepsWhatRanBeforeAFailure() {
            batch.execute(ALICE, operations);

            assertThat(core.useCases().discoverOffers().get(bobs.id()).roleOf(ALICE.keyId())).contains(Role.ANSWERER);
            assertThat(core.useCases().listIceCandidates().list(BOB, bobs.id(), 0)).hasSize(1);
            assertThat(core.storage.offers().find(alices.id())).isEmpty();
        }

        private BatchOperation operationOf(BatchOutcome outcome) {
            return outcome instanceof BatchOutcome.Succeeded succeeded
                    ? succeeded.operation() : ((BatchOutcome.Failed) outcome).operation();
        }

        private ErrorCode failureCode(BatchOutcome outcome) {
            assertThat(outcome).isInstanceOf(BatchOutcome.Failed.class);
            return ((BatchOutcome.Failed) outcome).code();
        }

        private Object resultOf(BatchOutcome outcome) {
            assertThat(outcome).isInstanceOf(BatchOutcome.Succeeded.class);
            return ((BatchOutcome.Succeeded) outcome).result();
        }
    }
}

package dev.switchboard.domain.offers;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.BatchOperation;
import dev.switchboard.ports.driving.BatchOutcome;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.ExecuteBatch;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.Identity;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a batch through the single use cases, in order, each on its own. The whole batch is measured
 * against its budget before anything runs, so an oversized batch changes nothing.
 */
final class ExecuteBatchService implements ExecuteBatch {
    private final PublishOffers publishOffers;
    private final AnswerOffer answerOffer;
    private final AddIceCandidates addIceCandidates;
    private final DeleteOffer deleteOffer;
    private final UpdateOfferTags updateOfferTags;
    private final int maxOperations;
    private final int maxWork;

    ExecuteBatchService(
            PublishOffers publishOffers, AnswerOffer answerOffer, AddIceCandidates addIceCandidates,
            DeleteOffer deleteOffer, UpdateOfferTags updateOfferTags, int maxOperations, int maxWork) {
        this.publishOffers = publishOffers;
        this.answerOffer = answerOffer;
        this.addIceCandidates = addIceCandidates;
        this.deleteOffer = deleteOffer;
        this.updateOfferTags = updateOfferTags;
        this.maxOperations = maxOperations;
        this.maxWork = maxWork;
    }

    @Override
    public List<BatchOutcome> execute(Identity caller, List<BatchOperation> operations) {
        requireWithinBudget(operations);
        List<BatchOutcome> outcomes = new ArrayList<>(operations.size());
        for (BatchOperation operation : operations) {
            try {
                outcomes.add(new BatchOutcome.Succeeded(operation, run(caller, operation)));
            } catch (SignalingException refused) {
                // Only refusals become outcomes: anything else is a bug and must surface.
                outcomes.add(new BatchOutcome.Failed(operation, refused.code(), refused.getMessage()));
            }
        }
        return List.copyOf(outcomes);
    }

    private void requireWithinBudget(List<BatchOperation> operations) {
        if (operations.isEmpty()) {
            throw SignalingException.invalid("operations", "must contain at least one operation");
        }
        if (operations.size() > maxOperations) {
            throw new SignalingException(ErrorCode.BATCH_TOO_LARGE,
                    "a batch may hold at most " + maxOperations + " operations, this one holds " + operations.size());
        }
        long work = operations.stream().mapToLong(BatchOperation::work).sum();
        if (work > maxWork) {
            throw new SignalingException(ErrorCode.BATCH_TOO_LARGE,
                    "a batch may carry at most " + maxWork + " offers and candidates, this one carries " + work);
        }
    }

    private Object run(Identity caller, BatchOperation operation) {
        if (operation instanceof PublishOffers.Request publish) {
            return publishOffers.publish(caller, publish);
        }
        if (operation instanceof AnswerOffer.Request answer) {
            return answerOffer.answer(caller, answer);
        }
        if (operation instanceof AddIceCandidates.Request candidates) {
            return addIceCandidates.add(caller, candidates);
        }
        if (operation instanceof UpdateOfferTags.Request tags) {
            return updateOfferTags.update(caller, tags);
        }
        if (operation instanceof DeleteOffer.Request delete) {
            deleteOffer.delete(caller, delete);
            return null;
        }
        throw new IllegalArgumentException("no use case runs " + operation.getClass().getName());
    }
}

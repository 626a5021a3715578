package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.BatchOperation;
import dev.switchboard.ports.driving.BatchOutcome;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.Candidate;
import dev.switchboard.ports.model.Offer;
import java.util.List;

/**
 * The outcome of one batch operation: the status and body its single route would have answered, or the
 * error it met. A deletion's {@code result} is {@code null}.
 */
sealed interface BatchResultJson {

    static BatchResultJson from(int index, BatchOutcome outcome) {
        if (outcome instanceof BatchOutcome.Failed failed) {
            return new Failed(index, ErrorStatus.of(failed.code()),
                    new Error(failed.code().wireName(), failed.message()));
        }
        BatchOutcome.Succeeded succeeded = (BatchOutcome.Succeeded) outcome;
        BatchOperation operation = succeeded.operation();
        Object result = succeeded.result();
        if (operation instanceof PublishOffers.Request) {
            return new Succeeded(index, 201, PublishedOffersJson.from(elements(result, Offer.class)));
        }
        if (operation instanceof AnswerOffer.Request) {
            return new Succeeded(index, 201, AnsweredOfferJson.from((AnswerOffer.Result) result));
        }
        if (operation instanceof AddIceCandidates.Request) {
            return new Succeeded(index, 201, AddedCandidatesJson.from(elements(result, Candidate.class)));
        }
        if (operation instanceof UpdateOfferTags.Request) {
            return new Succeeded(index, 200, OfferJson.from((Offer) result));
        }
        if (operation instanceof DeleteOffer.Request) {
            return new Succeeded(index, 204, null);
        }
        throw new IllegalStateException("no wire form for " + operation.getClass().getSimpleName());
    }

    private static <T> List<T> elements(Object list, Class<T> type) {
        return ((List<?>) list).stream().map(type::cast).toList();
    }

    record Succeeded(int index, int status, Object result) implements BatchResultJson {}

    record Failed(int index, int status, Error error) implements BatchResultJson {}

    /** Why one operation failed: its code and the client-safe detail. */
    record Error(String code, String detail) {}
}

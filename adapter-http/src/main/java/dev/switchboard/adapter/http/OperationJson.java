package dev.switchboard.adapter.http;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.BatchOperation;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.model.OfferId;
import java.util.List;

/**
 * One operation of {@code POST /v1/batch}, told apart by {@code op}. Each carries the fields of the
 * matching single route (plus {@code offerId} where that route has it in its path) and maps the same way.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OperationJson.Publish.class, name = "publish"),
    @JsonSubTypes.Type(value = OperationJson.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = OperationJson.AddCandidates.class, name = "addCandidates"),
    @JsonSubTypes.Type(value = OperationJson.UpdateTags.class, name = "updateTags"),
    @JsonSubTypes.Type(value = OperationJson.Delete.class, name = "delete")
})
sealed interface OperationJson {

    BatchOperation toOperation(WireJson json);

    record Publish(String service, List<String> tags, List<SdpJson> offers, Long ttlSeconds)
            implements OperationJson {
        @Override
        public BatchOperation toOperation(WireJson json) {
            return new PublishOffersJson(service, tags, offers, ttlSeconds).toRequest();
        }
    }

    record Answer(String offerId, String sdp) implements OperationJson {
        @Override
        public BatchOperation toOperation(WireJson json) {
            return new AnswerOfferJson(sdp).toRequest(new OfferId(offerId));
        }
    }

    record AddCandidates(String offerId, List<JsonNode> candidates) implements OperationJson {
        @Override
        public BatchOperation toOperation(WireJson json) {
            return new AddCandidatesJson(candidates).toRequest(new OfferId(offerId), json);
        }
    }

    record UpdateTags(String offerId, List<String> tags) implements OperationJson {
        @Override
        public BatchOperation toOperation(WireJson json) {
            return new UpdateTagsJson(tags).toRequest(new OfferId(offerId));
        }
    }

    record Delete(String offerId) implements OperationJson {
        @Override
        public BatchOperation toOperation(WireJson json) {
            return new DeleteOffer.Request(new OfferId(offerId));
        }
    }
}

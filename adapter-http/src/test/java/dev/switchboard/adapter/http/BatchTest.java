package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.BatchOperation;
import dev.switchboard.ports.driving.BatchOutcome;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final String EVERY_OPERATION = "{\"operations\":["
            + "{\"op\":\"publish\",\"service\":\"chat:1.0\",\"tags\":[],\"offers\":[{\"sdp\":\"v=0\"}],\"ttlSeconds\":60},"
            + "{\"op\":\"answer\",\"offerId\":\"offer-0002\",\"sdp\":\"v=0 answer\"},"
            + "{\"op\":\"addCandidates\",\"offerId\":\"offer-0003\",\"candidates\":[" + Fixtures.CANDIDATE_JSON + "]},"
            + "{\"op\":\"updateTags\",\"offerId\":\"offer-0004\",\"tags\":[\"a\"]},"
            + "{\"op\":\"delete\",\"offerId\":\"offer-0005\"}]}";

    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void mapsEveryOperationInOrderAndRunsThemAsTheSigner() {
        when(uses.executeBatch.execute(any(), any())).thenReturn(List.of());

        running.send("POST", "/v1/batch", EVERY_OPERATION);

        verify(uses.executeBatch).execute(UseCaseDoubles.ALICE, List.of(
                new PublishOffers.Request(new ServiceName("chat:1.0"), Tags.none(), List.of(new Sdp("v=0")),
                        Optional.of(Duration.ofSeconds(60))),
                new AnswerOffer.Request(new OfferId("offer-0002"), new Sdp("v=0 answer")),
                new AddIceCandidates.Request(new OfferId("offer-0003"), List.of(new IceCandidate(Fixtures.CANDIDATE_JSON))),
                new UpdateOfferTags.Request(new OfferId("offer-0004"), Tags.of("a")),
                new DeleteOffer.Request(new OfferId("offer-0005"))));
    }

    @Test
    void reportsEachOutcomeWithTheStatusAndBodyOfItsSingleRoute() {
        List<BatchOperation> operations = List.of(
                new PublishOffers.Request(new ServiceName("chat:1.0"), Tags.none(), List.of(new Sdp("v=0")), Optional.empty()),
                new AnswerOffer.Request(new OfferId("offer-0002"), new Sdp("v=0 answer")),
                new AddIceCandidates.Request(new OfferId("offer-0003"), List.of(new IceCandidate(Fixtures.CANDIDATE_JSON))),
                new UpdateOfferTags.Request(new OfferId("offer-0004"), Tags.of("a")),
                new DeleteOffer.Request(new OfferId("offer-0005")));
        when(uses.executeBatch.execute(any(), any())).thenReturn(List.of(
                new BatchOutcome.Succeeded(operations.get(0), List.of(Fixtures.offer("offer-0001"))),
                new BatchOutcome.Failed(operations.get(1), ErrorCode.OFFER_ALREADY_ANSWERED, "offer-0002 has an answer"),
                new BatchOutcome.Succeeded(operations.get(2), List.of(Fixtures.candidate(9, Role.ANSWERER))),
                new BatchOutcome.Succeeded(operations.get(3), Fixtures.offer("offer-0004")),
                new BatchOutcome.Succeeded(operations.get(4), null)));

        HttpResponse<String> response = running.send("POST", "/v1/batch", EVERY_OPERATION);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = RunningServer.json(response).path("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).path("index").asInt()).isZero();
        assertThat(results.get(0).path("status").asInt()).isEqualTo(201);
        assertThat(results.get(0).path("result").path("offers").get(0).path("id").asText()).isEqualTo("offer-0001");
        assertThat(results.get(1).toString()).isEqualTo("{\"index\":1,\"status\":409,\"error\":"
                + "{\"code\":\"offer_already_answered\",\"detail\":\"offer-0002 has an answer\"}}");
        assertThat(results.get(2).path("result").path("candidates").get(0).path("candidate").isObject()).isTrue();
        assertThat(results.get(3).path("status").asInt()).isEqualTo(200);
        assertThat(results.get(3).path("result").path("id").asText()).isEqualTo("offer-0004");
        assertThat(results.get(4).toString()).isEqualTo("{\"index\":4,\"status\":204,\"result\":null}");
    }

    @Test
    void refusesTheWholeBatchWhenAnOperationIsInvalidNamingIt() {
        HttpResponse<String> response = running.send("POST", "/v1/batch", "{\"operations\":["
                + "{\"op\":\"delete\",\"offerId\":\"offer-0005\"},{\"op\":\"delete\",\"offerId\":\"bad\"}]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(RunningServer.json(response).path("detail").asText()).startsWith("operations[1].offerId:");
        verifyNoInteractions(uses.executeBatch);
    }

    @Test
    void refusesAnUnknownOperation() {
        HttpResponse<String> response = running.send("POST", "/v1/batch",
                "{\"operations\":[{\"op\":\"explode\",\"offerId\":\"offer-0005\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("detail").asText())
                .isEqualTo("operations[0].op: missing or not a known operation");
        verifyNoInteractions(uses.executeBatch);
    }

    @Test
    void refusesAnOperationWithAFieldOfAnotherOperation() {
        HttpResponse<String> response = running.send("POST", "/v1/batch",
                "{\"operations\":[{\"op\":\"delete\",\"offerId\":\"offer-0005\",\"sdp\":\"v=0\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("unknown field 'operations[0].sdp'");
    }

    @Test
    void passesATooLargeBatchRefusalOnAsPayloadTooLarge() {
        when(uses.executeBatch.execute(any(), any())).thenThrow(
                new SignalingException(ErrorCode.BATCH_TOO_LARGE, "at most 100 operations"));

        HttpResponse<String> response = running.send("POST", "/v1/batch",
                "{\"operations\":[{\"op\":\"delete\",\"offerId\":\"offer-0005\"}]}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("batch_too_large");
    }
}

package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.model.EventPage;
import dev.switchboard.ports.model.IceCandidate;
import dev.switchboard.ports.model.OfferEvent;
import dev.switchboard.ports.model.Role;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class IceCandidatesTest {
    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void handsTheCoreEachCandidateAsCompactJsonText() {
        when(uses.addIceCandidates.add(any(), any())).thenReturn(List.of(Fixtures.candidate(4, Role.OFFERER)));

        running.send("POST", "/v1/offers/offer-0001/candidates", "{\"candidates\":[ {\"candidate\" : \"candidate:1 1"
                + " udp 2122260223 192.0.2.1 54400 typ host\", \"sdpMid\":\"0\",\n \"sdpMLineIndex\":0} ]}");

        ArgumentCaptor<AddIceCandidates.Request> request = ArgumentCaptor.forClass(AddIceCandidates.Request.class);
        verify(uses.addIceCandidates).add(eq(UseCaseDoubles.ALICE), request.capture());
        assertThat(request.getValue().offerId()).isEqualTo(Fixtures.OFFER_ID);
        assertThat(request.getValue().candidates()).containsExactly(new IceCandidate(Fixtures.CANDIDATE_JSON));
    }

    @Test
    void answersStoredCandidatesAsJsonObjectsNotStrings() {
        when(uses.addIceCandidates.add(any(), any())).thenReturn(List.of(Fixtures.candidate(4, Role.OFFERER)));

        HttpResponse<String> response = running.send("POST", "/v1/offers/offer-0001/candidates",
                "{\"candidates\":[" + Fixtures.CANDIDATE_JSON + "]}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode candidate = RunningServer.json(response).path("candidates").get(0);
        assertThat(candidate.path("candidate").isObject()).isTrue();
        assertThat(candidate.path("candidate").toString()).isEqualTo(Fixtures.CANDIDATE_JSON);
        assertThat(candidate.path("sequence").asLong()).isEqualTo(4);
        assertThat(candidate.path("from").asText()).isEqualTo("offerer");
        assertThat(candidate.path("offerId").asText()).isEqualTo("offer-0001");
    }

    @Test
    void refusesACandidateThatIsNotAnObject() {
        HttpResponse<String> response = running.send("POST", "/v1/offers/offer-0001/candidates",
                "{\"candidates\":[\"candidate:1 1 udp\"]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(RunningServer.json(response).path("detail").asText()).startsWith("candidate:");
        verifyNoInteractions(uses.addIceCandidates);
    }

    @Test
    void listsTheOtherSidesCandidatesWithTheLastSequenceAsCursor() {
        when(uses.listIceCandidates.list(UseCaseDoubles.ALICE, Fixtures.OFFER_ID, 2)).thenReturn(
                List.of(Fixtures.candidate(3, Role.ANSWERER), Fixtures.candidate(5, Role.ANSWERER)));

        JsonNode page = RunningServer.json(running.get("/v1/offers/offer-0001/candidates?after=2"));

        assertThat(page.path("candidates")).hasSize(2);
        assertThat(page.path("candidates").get(1).path("candidate").isObject()).isTrue();
        assertThat(page.path("cursor").asLong()).isEqualTo(5);
    }

    @Test
    void keepsTheCursorWhereItWasWhenNothingIsNew() {
        when(uses.listIceCandidates.list(any(), any(), anyLong())).thenReturn(List.of());

        JsonNode page = RunningServer.json(running.get("/v1/offers/offer-0001/candidates?after=9"));

        assertThat(page.path("candidates")).isEmpty();
        assertThat(page.path("cursor").asLong()).isEqualTo(9);
    }

    @Test
    void deliversCandidateEventsAsJsonObjectsAndAnswersWithTheirSdp() {
        OfferEvent.Answered answered = new OfferEvent.Answered(7, Fixtures.OFFER_ID,
                Fixtures.answered("offer-0001").answer().orElseThrow());
        when(uses.pollEvents.poll(any(), anyLong(), anyInt())).thenReturn(new EventPage(
                List.of(answered, new OfferEvent.CandidateAdded(Fixtures.candidate(8, Role.ANSWERER))), 8));

        JsonNode events = RunningServer.json(running.get("/v1/events?after=0")).path("events");

        assertThat(events.get(0).toString()).isEqualTo("{\"type\":\"answer\",\"sequence\":7,\"offerId\":\"offer-0001\","
                + "\"from\":\"answerer\",\"sdp\":\"v=0 answer\",\"answeredAt\":\"2026-01-02T03:04:15.000Z\"}");
        assertThat(events.get(1).path("type").asText()).isEqualTo("candidate");
        assertThat(events.get(1).path("candidate").toString()).isEqualTo(Fixtures.CANDIDATE_JSON);
    }
}

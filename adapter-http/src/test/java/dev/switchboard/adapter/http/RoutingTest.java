package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.model.OfferQuery;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private final RunningServer running = RunningServer.start();

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void answersAnUnknownPathWithNotFound() {
        HttpResponse<String> response = running.get("/v2/offers");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void answersAKnownPathWithTheWrongMethodWithMethodNotAllowedAndTheMethodsItHas() {
        HttpResponse<String> response = running.send("PATCH", "/v1/offers/offer-0001", "{}");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, DELETE");
        assertThat(RunningServer.json(response).path("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void sendsALiteralSegmentToItsOwnRouteRatherThanReadingItAsAnOfferId() {
        when(running.doubles.discoverOffers.count(OfferQuery.everything())).thenReturn(3L);

        HttpResponse<String> response = running.get("/v1/offers/count");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("count").asLong()).isEqualTo(3);
        verify(running.doubles.discoverOffers).count(OfferQuery.everything());
    }

    @Test
    void fillsThePathParameterFromTheTemplate() {
        when(running.doubles.discoverOffers.get(Fixtures.OFFER_ID)).thenReturn(Fixtures.offer("offer-0001"));

        JsonNode offer = RunningServer.json(running.get("/v1/offers/offer-0001"));

        assertThat(offer.path("id").asText()).isEqualTo("offer-0001");
    }

    @Test
    void marksEveryResponseAsUncacheableAndNotToBeSniffed() {
        HttpResponse<String> found = running.get("/health");
        HttpResponse<String> notFound = running.get("/nowhere");

        for (HttpResponse<String> response : List.of(found, notFound)) {
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }
}

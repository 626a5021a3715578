package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.OfferCursor;
import dev.switchboard.ports.model.OfferId;
import dev.switchboard.ports.model.OfferPage;
import dev.switchboard.ports.model.OfferQuery;
import dev.switchboard.ports.model.Role;
import dev.switchboard.ports.model.Sdp;
import dev.switchboard.ports.model.ServiceName;
import dev.switchboard.ports.model.Tags;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class OfferEndpointsTest {
    private final RunningServer running = RunningServer.start();
    private final UseCaseDoubles uses = running.doubles;

    @AfterEach
    void stop() {
        running.close();
    }

    @Nested
    class Publishing {

        @Test
        void publishesAsTheSignerWithEveryFieldMapped() {
            when(uses.publishOffers.publish(any(), any())).thenReturn(List.of(Fixtures.offer("offer-0001")));

            HttpResponse<String> response = running.send("POST", "/v1/offers", "{\"service\":\"chat:1.0\","
                    + "\"tags\":[\"eu\",\"video\"],\"offers\":[{\"sdp\":\"v=0 a\"},{\"sdp\":\"v=0 b\"}],\"ttlSeconds\":60}");

            assertThat(response.statusCode()).isEqualTo(201);
            verify(uses.publishOffers).publish(UseCaseDoubles.ALICE, new PublishOffers.Request(
                    new ServiceName("chat:1.0"), Tags.of("eu", "video"), List.of(new Sdp("v=0 a"), new Sdp("v=0 b")),
                    Optional.of(Duration.ofSeconds(60))));
        }

        @Test
        void leavesOutOptionalTagsAndTtl() {
            when(uses.publishOffers.publish(any(), any())).thenReturn(List.of());

            running.send("POST", "/v1/offers", "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}");

            ArgumentCaptor<PublishOffers.Request> request = ArgumentCaptor.forClass(PublishOffers.Request.class);
            verify(uses.publishOffers).publish(any(), request.capture());
            assertThat(request.getValue().tags()).isEqualTo(Tags.none());
            assertThat(request.getValue().ttl()).isEmpty();
        }

        @Test
        void answersThePublicViewOfEachOfferWithRfc3339Timestamps() {
            when(uses.publishOffers.publish(any(), any())).thenReturn(List.of(Fixtures.offer("offer-0001")));

            JsonNode offer = RunningServer.json(running.send("POST", "/v1/offers",
                    "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}]}")).path("offers").get(0);

            assertThat(offer.toString()).isEqualTo("{\"id\":\"offer-0001\",\"service\":\"chat:1.0\","
                    + "\"tags\":[\"eu\",\"video\"],\"sdp\":\"v=0 offer\",\"createdAt\":\"2026-01-02T03:04:05.000Z\","
                    + "\"expiresAt\":\"2026-01-02T03:09:05.000Z\",\"answered\":false}");
        }

        @Test
        void refusesANonPositiveTtl() {
            HttpResponse<String> response = running.send("POST", "/v1/offers",
                    "{\"service\":\"chat:1.0\",\"offers\":[{\"sdp\":\"v=0\"}],\"ttlSeconds\":0}");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).startsWith("ttlSeconds:");
            verifyNoInteractions(uses.publishOffers);
        }
    }

    @Nested
    class Discovering {

        @Test
        void passesServiceTagsAndExclusionAsTheQuery() {
            when(uses.discoverOffers.list(any(), any(), anyInt())).thenReturn(new OfferPage(List.of(), Optional.empty()));

            HttpResponse<String> response = running.get("/v1/offers?service=chat:1.0&tags=video,eu&exclude=bob&limit=5");

            assertThat(response.statusCode()).isEqualTo(200);
            verify(uses.discoverOffers).list(new OfferQuery(Optional.of(new ServiceName("chat:1.0")),
                    Tags.of("video", "eu"), Optional.of("bob")), Optional.empty(), 5);
            assertThat(RunningServer.json(response).path("nextCursor").isNull()).isTrue();
        }

        @Test
        void handsOutACursorThatComesBackAsTheSamePositionToTheNanosecond() {
            OfferCursor position = new OfferCursor(Instant.parse("2026-01-02T03:04:05.123456789Z"), new OfferId("offer-0009"));
            when(uses.discoverOffers.list(any(), any(), anyInt()))
                    .thenReturn(new OfferPage(List.of(Fixtures.offer("offer-0009")), Optional.of(position)));

            String cursor = RunningServer.json(running.get("/v1/offers")).path("nextCursor").asText();
            running.get("/v1/offers?cursor=" + cursor);

            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            verify(uses.discoverOffers).list(OfferQuery.everything(), Optional.empty(), 20);
            verify(uses.discoverOffers).list(OfferQuery.everything(), Optional.of(position), 20);
        }

        @Test
        void refusesACursorItDidNotIssue() {
            HttpResponse<String> response = running.get("/v1/offers?cursor=bm90LWEtY3Vyc29y");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(RunningServer.json(response).path("detail").asText()).contains("cursor");
        }

        @Test
        void refusesAPageSizeBelowOne() {
            assertThat(running.get("/v1/offers?limit=0").statusCode()).isEqualTo(422);
        }

        @Test
        void refusesAnUnknownQueryParameterRatherThanIgnoringIt() {
            HttpResponse<String> response = running.get("/v1/offers/count?tag=video");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(RunningServer.json(response).path("detail").asText()).isEqualTo("unknown query parameter 'tag'");
            verifyNoInteractions(uses.discoverOffers);
        }

        @Test
        void refusesARepeatedQueryParameter() {
            assertThat(running.get("/v1/offers/count?service=a:1&service=b:1").statusCode()).isEqualTo(400);
        }

        @Test
        void answersNullWhenNoOfferIsThereToPick() {
            when(uses.discoverOffers.pickRandom(any())).thenReturn(Optional.empty());

            assertThat(running.get("/v1/offers/random").body()).isEqualTo("{\"offer\":null}");
        }

        @Test
        void showsAnAnsweredOfferWithoutItsAnswer() {
            when(uses.discoverOffers.get(Fixtures.OFFER_ID)).thenReturn(Fixtures.answered("offer-0001"));

            HttpResponse<String> response = running.get("/v1/offers/offer-0001");

            assertThat(RunningServer.json(response).path("answered").asBoolean()).isTrue();
            assertThat(response.body()).doesNotContain("v=0 answer", Fixtures.OWNER);
        }

        @Test
        void refusesAnOfferIdOfTheWrongShape() {
            HttpResponse<String> response = running.get("/v1/offers/short");

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(RunningServer.json(response).path("detail").asText()).startsWith("offerId:");
        }
    }

    @Nested
    class ManagingAnOffer {

        @Test
        void replacesTheTagsAsTheSigner() {
            when(uses.updateOfferTags.update(any(), any())).thenReturn(Fixtures.offer("offer-0001").withTags(Tags.of("us")));

            HttpResponse<String> response = running.send("PUT", "/v1/offers/offer-0001/tags", "{\"tags\":[\"us\"]}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RunningServer.json(response).path("tags").toString()).isEqualTo("[\"us\"]");
            verify(uses.updateOfferTags).update(UseCaseDoubles.ALICE,
                    new UpdateOfferTags.Request(Fixtures.OFFER_ID, Tags.of("us")));
        }

        @Test
        void deletesAsTheSignerAndAnswersNoContent() {
            HttpResponse<String> response = running.delete("/v1/offers/offer-0001");

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            verify(uses.deleteOffer).delete(UseCaseDoubles.ALICE, new DeleteOffer.Request(Fixtures.OFFER_ID));
        }

        @Test
        void answersWithTheOfferAndTheCandidatesItsOwnerAlreadySent() {
            when(uses.answerOffer.answer(any(), any())).thenReturn(new AnswerOffer.Result(
                    Fixtures.answered("offer-0001"), List.of(Fixtures.candidate(3, Role.OFFERER))));

            HttpResponse<String> response = running.send("POST", "/v1/offers/offer-0001/answer", "{\"sdp\":\"v=0 answer\"}");

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = RunningServer.json(response);
            assertThat(body.path("offer").path("answered").asBoolean()).isTrue();
            assertThat(body.path("offererCandidates").get(0).path("from").asText()).isEqualTo("offerer");
            verify(uses.answerOffer).answer(UseCaseDoubles.ALICE,
                    new AnswerOffer.Request(Fixtures.OFFER_ID, new Sdp("v=0 answer")));
        }
    }

    @Nested
    class IssuingCredentials {

        @Test
        void answersTheCredentialWithItsSecretInBase64UrlOnce() {
            byte[] secret = new byte[32];
            secret[0] = (byte) 0xfb;
            when(uses.issueCredential.issue())
                    .thenReturn(new IssuedCredential("hk_3q2-7wAAAAAAAAAAAAAA", secret, Fixtures.CREATED));

            HttpResponse<String> response = running.send(
                    running.request("/v1/credentials").POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode credential = RunningServer.json(response);
            assertThat(credential.path("credentialId").asText()).isEqualTo("hk_3q2-7wAAAAAAAAAAAAAA");
            assertThat(credential.path("secret").asText()).hasSize(43).doesNotContain("=", "+", "/");
            assertThat(Base64.getUrlDecoder().decode(credential.path("secret").asText())).isEqualTo(secret);
            assertThat(credential.path("algorithm").asText()).isEqualTo("hmac-sha256");
            assertThat(credential.path("createdAt").asText()).isEqualTo("2026-01-02T03:04:05.000Z");
            assertThat(credential.has("expiresAt")).isFalse();
            verifyNoInteractions(uses.authenticateRequest);
        }

        @Test
        void tellsWhenTheCredentialStopsBeingAccepted() {
            when(uses.issueCredential.issue()).thenReturn(new IssuedCredential("hk_3q2-7wAAAAAAAAAAAAAA",
                    new byte[32], Fixtures.CREATED, Optional.of(Fixtures.CREATED.plus(Duration.ofDays(30)))));

            HttpResponse<String> response = running.send(
                    running.request("/v1/credentials").POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(RunningServer.json(response).path("expiresAt").asText()).isEqualTo("2026-02-01T03:04:05.000Z");
        }
    }
}
